namespace Azure.Data.Tables;

/// <summary>An entity of a table: its keys, the service's timestamp and its ETag.</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    DateTimeOffset? Timestamp { get; set; }

    ETag ETag { get; set; }
}
