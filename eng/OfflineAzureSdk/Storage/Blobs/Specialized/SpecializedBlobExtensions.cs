namespace Azure.Storage.Blobs.Specialized;

public static class SpecializedBlobExtensions
{
    public static BlobLeaseClient GetBlobLeaseClient(this BlobBaseClient client, string? leaseId = null) =>
        client.GetBlobLeaseClientCore(leaseId);

    public static BlobLeaseClient GetBlobLeaseClient(this BlobContainerClient client, string? leaseId = null) =>
        client.GetBlobLeaseClientCore(leaseId);
}
