using Azure.Core;
using Azure.Internal;
using Azure.Storage.Blobs.Internal;
using Azure.Storage.Internal;

namespace Azure.Storage.Blobs;

/// <summary>The blob service of one storage account; hands out container clients that share its pipeline.</summary>
public class BlobServiceClient
{
    private readonly StorageClientContext _context = null!;
    private readonly Uri _uri = null!;

    protected BlobServiceClient() { }

    public BlobServiceClient(string connectionString)
        : this(connectionString, null)
    {
    }

    public BlobServiceClient(string connectionString, BlobClientOptions? options)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        _uri = parsed.BlobEndpoint;
        _context = BlobContexts.FromConnectionString(parsed, options);
    }

    public BlobServiceClient(Uri serviceUri, BlobClientOptions? options = null)
    {
        _uri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
        _context = BlobContexts.Anonymous(options);
    }

    public BlobServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
    {
        _uri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
        _context = BlobContexts.SharedKey(credential, options);
    }

    public BlobServiceClient(Uri serviceUri, TokenCredential credential, BlobClientOptions? options = null)
    {
        _uri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
        _context = BlobContexts.Token(serviceUri, credential, options);
    }

    public virtual Uri Uri => _uri;

    public virtual string AccountName => _context.SharedKey?.AccountName ?? StorageUris.AccountName(_uri);

    public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        return new BlobContainerClient(StorageUris.AppendPath(_uri, StorageUris.EscapeSegment(blobContainerName)), _context);
    }
}
