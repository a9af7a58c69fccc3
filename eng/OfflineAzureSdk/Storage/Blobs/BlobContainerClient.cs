using System.ComponentModel;
using Azure.Core;
using Azure.Internal;
using Azure.Storage.Blobs.Internal;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Internal;

namespace Azure.Storage.Blobs;

/// <summary>One blob container: create/delete it, list its blobs, hand out blob clients.</summary>
public class BlobContainerClient
{
    private readonly StorageClientContext _context = null!;
    private readonly Uri _uri = null!;

    protected BlobContainerClient() { }

    public BlobContainerClient(string connectionString, string blobContainerName)
        : this(connectionString, blobContainerName, null)
    {
    }

    public BlobContainerClient(string connectionString, string blobContainerName, BlobClientOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        var parsed = StorageConnectionString.Parse(connectionString);
        _uri = StorageUris.AppendPath(parsed.BlobEndpoint, StorageUris.EscapeSegment(blobContainerName));
        _context = BlobContexts.FromConnectionString(parsed, options);
    }

    public BlobContainerClient(Uri blobContainerUri, BlobClientOptions? options = null)
    {
        _uri = blobContainerUri ?? throw new ArgumentNullException(nameof(blobContainerUri));
        _context = BlobContexts.Anonymous(options);
    }

    public BlobContainerClient(Uri blobContainerUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
    {
        _uri = blobContainerUri ?? throw new ArgumentNullException(nameof(blobContainerUri));
        _context = BlobContexts.SharedKey(credential, options);
    }

    public BlobContainerClient(Uri blobContainerUri, TokenCredential credential, BlobClientOptions? options = null)
    {
        _uri = blobContainerUri ?? throw new ArgumentNullException(nameof(blobContainerUri));
        _context = BlobContexts.Token(blobContainerUri, credential, options);
    }

    internal BlobContainerClient(Uri blobContainerUri, StorageClientContext context)
    {
        _uri = blobContainerUri;
        _context = context;
    }

    internal StorageClientContext Context => _context;

    public virtual Uri Uri => _uri;

    public virtual string AccountName => _context.SharedKey?.AccountName ?? StorageUris.AccountName(_uri);

    public virtual string Name => StorageUris.ResourceSegments(_uri).FirstOrDefault() ?? "";

    public virtual BlobClient GetBlobClient(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return new BlobClient(StorageUris.AppendPath(_uri, StorageUris.EscapePath(blobName)), _context);
    }

    protected internal virtual BlobLeaseClient GetBlobLeaseClientCore(string? leaseId) => new(this, leaseId);

    public virtual Response<BlobContainerInfo> Create(PublicAccessType publicAccessType = PublicAccessType.None,
        IDictionary<string, string>? metadata = null, BlobContainerEncryptionScopeOptions? encryptionScopeOptions = null,
        CancellationToken cancellationToken = default) =>
        CreateCore(publicAccessType, metadata, encryptionScopeOptions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobContainerInfo>> CreateAsync(PublicAccessType publicAccessType = PublicAccessType.None,
        IDictionary<string, string>? metadata = null, BlobContainerEncryptionScopeOptions? encryptionScopeOptions = null,
        CancellationToken cancellationToken = default) =>
        await CreateCore(publicAccessType, metadata, encryptionScopeOptions, true, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates the container; returns null (no response) when it already exists.</summary>
    public virtual Response<BlobContainerInfo> CreateIfNotExists(PublicAccessType publicAccessType = PublicAccessType.None,
        IDictionary<string, string>? metadata = null, BlobContainerEncryptionScopeOptions? encryptionScopeOptions = null,
        CancellationToken cancellationToken = default) =>
        CreateIfNotExistsCore(publicAccessType, metadata, encryptionScopeOptions, false, cancellationToken).EnsureCompleted()!;

    public virtual async Task<Response<BlobContainerInfo>> CreateIfNotExistsAsync(PublicAccessType publicAccessType = PublicAccessType.None,
        IDictionary<string, string>? metadata = null, BlobContainerEncryptionScopeOptions? encryptionScopeOptions = null,
        CancellationToken cancellationToken = default) =>
        (await CreateIfNotExistsCore(publicAccessType, metadata, encryptionScopeOptions, true, cancellationToken).ConfigureAwait(false))!;

    public virtual Response Delete(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        DeleteCore(conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response> DeleteAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        await DeleteCore(conditions, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<bool> DeleteIfExists(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        DeleteIfExistsCore(conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<bool>> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        await DeleteIfExistsCore(conditions, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<bool> Exists(CancellationToken cancellationToken = default) =>
        ExistsCore(false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default) =>
        await ExistsCore(true, cancellationToken).ConfigureAwait(false);

    public virtual Pageable<BlobItem> GetBlobs(GetBlobsOptions? options = null, CancellationToken cancellationToken = default) =>
        new StoragePageable<BlobItem>(ListFetcher(options?.Traits ?? BlobTraits.None, options?.States ?? BlobStates.None, options?.Prefix), cancellationToken);

    public virtual AsyncPageable<BlobItem> GetBlobsAsync(GetBlobsOptions? options = null, CancellationToken cancellationToken = default) =>
        new StorageAsyncPageable<BlobItem>(ListFetcher(options?.Traits ?? BlobTraits.None, options?.States ?? BlobStates.None, options?.Prefix), cancellationToken);

    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual Pageable<BlobItem> GetBlobs(BlobTraits traits, BlobStates states, string? prefix, CancellationToken cancellationToken) =>
        new StoragePageable<BlobItem>(ListFetcher(traits, states, prefix), cancellationToken);

    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual AsyncPageable<BlobItem> GetBlobsAsync(BlobTraits traits, BlobStates states, string? prefix, CancellationToken cancellationToken) =>
        new StorageAsyncPageable<BlobItem>(ListFetcher(traits, states, prefix), cancellationToken);

    private HttpMessage ContainerMessage(RequestMethod method)
    {
        var message = _context.CreateMessage(method, _uri);
        message.Request.Uri.AppendQuery("restype", "container");
        return message;
    }

    private async ValueTask<Response<BlobContainerInfo>> CreateCore(PublicAccessType access, IDictionary<string, string>? metadata,
        BlobContainerEncryptionScopeOptions? encryption, bool async, CancellationToken cancellationToken)
    {
        var message = ContainerMessage(RequestMethod.Put);
        var request = message.Request;
        request.AddMetadata(metadata);
        if (access != PublicAccessType.None)
        {
            request.Headers.SetValue("x-ms-blob-public-access", access == PublicAccessType.Blob ? "blob" : "container");
        }
        if (encryption?.DefaultEncryptionScope is { Length: > 0 } scope)
        {
            request.Headers.SetValue("x-ms-default-encryption-scope", scope);
            request.Headers.SetValue("x-ms-deny-encryption-scope-override", encryption.PreventEncryptionScopeOverride ? "true" : "false");
        }
        var response = await _context.SendAsync(message, async, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(new BlobContainerInfo { ETag = response.ETagHeader(), LastModified = response.DateHeader("Last-Modified") }, response);
    }

    private async ValueTask<Response<BlobContainerInfo>?> CreateIfNotExistsCore(PublicAccessType access, IDictionary<string, string>? metadata,
        BlobContainerEncryptionScopeOptions? encryption, bool async, CancellationToken cancellationToken)
    {
        try
        {
            return await CreateCore(access, metadata, encryption, async, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.HasErrorCode("ContainerAlreadyExists"))
        {
            return null;
        }
    }

    private async ValueTask<Response> DeleteCore(BlobRequestConditions? conditions, bool async, CancellationToken cancellationToken)
    {
        var message = ContainerMessage(RequestMethod.Delete);
        message.Request.AddBlobConditions(conditions);
        return await _context.SendAsync(message, async, cancellationToken, 202).ConfigureAwait(false);
    }

    private async ValueTask<Response<bool>> DeleteIfExistsCore(BlobRequestConditions? conditions, bool async, CancellationToken cancellationToken)
    {
        try
        {
            var response = await DeleteCore(conditions, async, cancellationToken).ConfigureAwait(false);
            return Response.FromValue(true, response);
        }
        catch (RequestFailedException ex) when (ex.HasErrorCode("ContainerNotFound"))
        {
            return Response.FromValue(false, ex.GetRawResponse()!);
        }
    }

    private async ValueTask<Response<bool>> ExistsCore(bool async, CancellationToken cancellationToken)
    {
        var message = ContainerMessage(RequestMethod.Get);
        var response = await _context.SendAsync(message, async, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    private StoragePageFetcher<BlobItem> ListFetcher(BlobTraits traits, BlobStates states, string? prefix) =>
        async (marker, pageSize, async, cancellationToken) =>
        {
            var message = ContainerMessage(RequestMethod.Get);
            var uri = message.Request.Uri;
            uri.AppendQuery("comp", "list");
            if (!string.IsNullOrEmpty(prefix))
            {
                uri.AppendQuery("prefix", prefix);
            }
            if (!string.IsNullOrEmpty(marker))
            {
                uri.AppendQuery("marker", marker);
            }
            if (pageSize is { } size)
            {
                uri.AppendQuery("maxresults", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            var include = BlobOperations.ListIncludes(traits, states);
            if (include.Length > 0)
            {
                uri.AppendQuery("include", include);
            }
            var response = await _context.SendAsync(message, async, cancellationToken, 200).ConfigureAwait(false);
            var xml = StorageErrorParser.TryReadXml(response)
                ?? throw new RequestFailedException(response.Status, "List Blobs returned no XML body.");
            var (items, next) = BlobListingReader.Read(xml);
            return Page<BlobItem>.FromValues(items, next, response);
        };
}
