using Azure.Data.Tables;

namespace OrgFunctions.Tests.Builders;

/// <summary>Every row of a tree's partition with its ETag: two equal snapshots mean nothing in the tree was written.</summary>
public static class PartitionSnapshot
{
    public static async Task<SortedDictionary<string, string>> TakeAsync(OrgApp app, string rootId)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in app.Tables.Orgs.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {rootId}")))
        {
            rows[row.RowKey] = row.ETag.ToString();
        }
        return rows;
    }
}
