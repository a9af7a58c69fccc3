namespace Azure.Storage.Blobs.Models;

public class BlobLeaseRequestConditions : RequestConditions
{
    /// <summary>A blob tags SQL expression (x-ms-if-tags).</summary>
    public string? TagConditions { get; set; }
}

/// <summary>Conditions for a blob operation; <see cref="LeaseId"/> is required on a leased blob.</summary>
public class BlobRequestConditions : BlobLeaseRequestConditions
{
    public string? LeaseId { get; set; }
}
