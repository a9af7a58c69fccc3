namespace Azure.Data.Tables.Internal;

/// <summary>Names the Table service gives the system properties and OData annotations.</summary>
internal static class EntityPropertyNames
{
    public const string PartitionKey = "PartitionKey";
    public const string RowKey = "RowKey";
    public const string Timestamp = "Timestamp";
    public const string ETag = "ETag";
    public const string ODataEtag = "odata.etag";
    public const string ODataPrefix = "odata.";
    public const string TypeAnnotationSuffix = "@odata.type";
}
