using Azure.Core;
using Azure.Storage.Blobs.Internal;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Internal;

namespace Azure.Storage.Blobs;

/// <summary>A block blob: everything <see cref="BlobBaseClient"/> does, plus uploads.</summary>
public class BlobClient : BlobBaseClient
{
    protected BlobClient() { }

    public BlobClient(string connectionString, string blobContainerName, string blobName)
        : base(connectionString, blobContainerName, blobName)
    {
    }

    public BlobClient(string connectionString, string blobContainerName, string blobName, BlobClientOptions? options)
        : base(connectionString, blobContainerName, blobName, options)
    {
    }

    public BlobClient(Uri blobUri, BlobClientOptions? options = null)
        : base(blobUri, options)
    {
    }

    public BlobClient(Uri blobUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
        : base(blobUri, credential, options)
    {
    }

    public BlobClient(Uri blobUri, TokenCredential credential, BlobClientOptions? options = null)
        : base(blobUri, credential, options)
    {
    }

    internal BlobClient(Uri blobUri, StorageClientContext context)
        : base(blobUri, context)
    {
    }

    public virtual Response<BlobContentInfo> Upload(BinaryData content) => Upload(content, overwrite: false);

    public virtual Response<BlobContentInfo> Upload(BinaryData content, CancellationToken cancellationToken) =>
        Upload(content, overwrite: false, cancellationToken);

    public virtual Response<BlobContentInfo> Upload(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        Upload(content, OverwriteOptions(overwrite), cancellationToken);

    public virtual Response<BlobContentInfo> Upload(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Upload(content.ToStream(), options, cancellationToken);
    }

    public virtual Response<BlobContentInfo> Upload(Stream content) => Upload(content, overwrite: false);

    public virtual Response<BlobContentInfo> Upload(Stream content, CancellationToken cancellationToken) =>
        Upload(content, overwrite: false, cancellationToken);

    public virtual Response<BlobContentInfo> Upload(Stream content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        Upload(content, OverwriteOptions(overwrite), cancellationToken);

    public virtual Response<BlobContentInfo> Upload(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default) =>
        new BlobUploader(Context, Uri).UploadAsync(content, options, false, cancellationToken).EnsureCompleted();

    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content) => UploadAsync(content, overwrite: false);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, CancellationToken cancellationToken) =>
        UploadAsync(content, overwrite: false, cancellationToken);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(content, OverwriteOptions(overwrite), cancellationToken);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return UploadAsync(content.ToStream(), options, cancellationToken);
    }

    public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content) => UploadAsync(content, overwrite: false);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, CancellationToken cancellationToken) =>
        UploadAsync(content, overwrite: false, cancellationToken);

    public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(content, OverwriteOptions(overwrite), cancellationToken);

    public virtual async Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default) =>
        await new BlobUploader(Context, Uri).UploadAsync(content, options, true, cancellationToken).ConfigureAwait(false);

    // Without overwrite the upload is conditional on the blob not existing: 409 BlobAlreadyExists otherwise.
    private static BlobUploadOptions OverwriteOptions(bool overwrite) =>
        new() { Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All } };
}
