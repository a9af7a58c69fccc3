using Azure;
using Azure.Data.Tables;

namespace OrgFunctions.Storage;

/// <summary>
/// The keys and ETag every typed row has. Subclasses declare their columns as properties; Azure.Data.Tables' own serializer
/// maps a property to the column of the same name, so each column name is written once, in its row's class.
/// </summary>
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
