// Preloaded into Azurite (`node --require`) by the benchmarks that write 100,000 entities to one partition.
//
// Azurite finds an entity with LokiJS findOne({ PartitionKey, RowKey }). LokiJS uses a binary index only for the first
// clause of a query, and a partition's entities all share its PartitionKey, so every point read and every write scans
// the whole partition: one partition's writes grow quadratically (DESIGN §8), and 100,000 of them take hours.
// Putting the RowKey clause first lets LokiJS use the RowKey index Azurite already keeps. The same entities match (an
// AND doesn't depend on the order of its clauses); they are found without the scan, as Table Storage finds them.
'use strict';
const Loki = require('lokijs');

const findOne = Loki.Collection.prototype.findOne;
Loki.Collection.prototype.findOne = function (query) {
  if (query && typeof query === 'object' && 'PartitionKey' in query && 'RowKey' in query && Object.keys(query)[0] !== 'RowKey') {
    const { RowKey, ...rest } = query;
    return findOne.call(this, { RowKey, ...rest });
  }
  return findOne.call(this, query);
};
