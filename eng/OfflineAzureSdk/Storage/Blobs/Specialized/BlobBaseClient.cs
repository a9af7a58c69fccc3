using Azure.Core;
using Azure.Internal;
using Azure.Storage.Blobs.Internal;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Internal;

namespace Azure.Storage.Blobs.Specialized;

/// <summary>Operations every blob type shares: download, properties, metadata, delete, leases.</summary>
public class BlobBaseClient
{
    private readonly StorageClientContext _context = null!;
    private readonly Uri _uri = null!;

    protected BlobBaseClient() { }

    public BlobBaseClient(string connectionString, string blobContainerName, string blobName)
        : this(connectionString, blobContainerName, blobName, null)
    {
    }

    public BlobBaseClient(string connectionString, string blobContainerName, string blobName, BlobClientOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var parsed = StorageConnectionString.Parse(connectionString);
        _uri = StorageUris.AppendPath(parsed.BlobEndpoint,
            StorageUris.EscapeSegment(blobContainerName) + "/" + StorageUris.EscapePath(blobName));
        _context = BlobContexts.FromConnectionString(parsed, options);
    }

    public BlobBaseClient(Uri blobUri, BlobClientOptions? options = null)
    {
        _uri = blobUri ?? throw new ArgumentNullException(nameof(blobUri));
        _context = BlobContexts.Anonymous(options);
    }

    public BlobBaseClient(Uri blobUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
    {
        _uri = blobUri ?? throw new ArgumentNullException(nameof(blobUri));
        _context = BlobContexts.SharedKey(credential, options);
    }

    public BlobBaseClient(Uri blobUri, TokenCredential credential, BlobClientOptions? options = null)
    {
        _uri = blobUri ?? throw new ArgumentNullException(nameof(blobUri));
        _context = BlobContexts.Token(blobUri, credential, options);
    }

    internal BlobBaseClient(Uri blobUri, StorageClientContext context)
    {
        _uri = blobUri;
        _context = context;
    }

    internal StorageClientContext Context => _context;

    public virtual Uri Uri => _uri;

    public virtual string AccountName => _context.SharedKey?.AccountName ?? StorageUris.AccountName(_uri);

    public virtual string BlobContainerName => StorageUris.ResourceSegments(_uri).FirstOrDefault() ?? "";

    public virtual string Name => StorageUris.ResourcePathAfterFirst(_uri) ?? "";

    protected internal virtual BlobLeaseClient GetBlobLeaseClientCore(string? leaseId) => new(this, leaseId);

    public virtual Response<BlobDownloadResult> DownloadContent() => DownloadContent(CancellationToken.None);

    public virtual Task<Response<BlobDownloadResult>> DownloadContentAsync() => DownloadContentAsync(CancellationToken.None);

    public virtual Response<BlobDownloadResult> DownloadContent(CancellationToken cancellationToken = default) =>
        DownloadContentCore(null, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobDownloadResult>> DownloadContentAsync(CancellationToken cancellationToken) =>
        await DownloadContentCore(null, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<BlobDownloadResult> DownloadContent(BlobDownloadOptions? options = null, CancellationToken cancellationToken = default) =>
        DownloadContentCore(options, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobDownloadResult>> DownloadContentAsync(BlobDownloadOptions? options = null, CancellationToken cancellationToken = default) =>
        await DownloadContentCore(options, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<BlobDownloadStreamingResult> DownloadStreaming(BlobDownloadOptions? options = null, CancellationToken cancellationToken = default) =>
        DownloadStreamingCore(options?.Range ?? default, options?.Conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobDownloadStreamingResult>> DownloadStreamingAsync(BlobDownloadOptions? options = null, CancellationToken cancellationToken = default) =>
        await DownloadStreamingCore(options?.Range ?? default, options?.Conditions, true, cancellationToken).ConfigureAwait(false);

    /// <summary>A forward-only stream of the blob from <paramref name="position"/> (one streaming download).</summary>
    public virtual Stream OpenRead(long position = 0, int? bufferSize = null, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        DownloadStreamingCore(position == 0 ? default : new HttpRange(position), conditions, false, cancellationToken).EnsureCompleted().Value.Content;

    public virtual async Task<Stream> OpenReadAsync(long position = 0, int? bufferSize = null, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        (await DownloadStreamingCore(position == 0 ? default : new HttpRange(position), conditions, true, cancellationToken).ConfigureAwait(false)).Value.Content;

    public virtual Response<bool> Exists(CancellationToken cancellationToken = default) =>
        ExistsCore(false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default) =>
        await ExistsCore(true, cancellationToken).ConfigureAwait(false);

    public virtual Response Delete(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default) =>
        DeleteCore(snapshotsOption, conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response> DeleteAsync(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default) =>
        await DeleteCore(snapshotsOption, conditions, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<bool> DeleteIfExists(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default) =>
        DeleteIfExistsCore(snapshotsOption, conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<bool>> DeleteIfExistsAsync(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None,
        BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        await DeleteIfExistsCore(snapshotsOption, conditions, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<BlobProperties> GetProperties(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        GetPropertiesCore(conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobProperties>> GetPropertiesAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        await GetPropertiesCore(conditions, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<BlobInfo> SetMetadata(IDictionary<string, string> metadata, BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default) =>
        SetMetadataCore(metadata, conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobInfo>> SetMetadataAsync(IDictionary<string, string> metadata, BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default) =>
        await SetMetadataCore(metadata, conditions, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<BlobInfo> SetHttpHeaders(BlobHttpHeaders? httpHeaders = null, BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default) =>
        SetHttpHeadersCore(httpHeaders, conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobInfo>> SetHttpHeadersAsync(BlobHttpHeaders? httpHeaders = null, BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default) =>
        await SetHttpHeadersCore(httpHeaders, conditions, true, cancellationToken).ConfigureAwait(false);

    private async ValueTask<Response<BlobDownloadResult>> DownloadContentCore(BlobDownloadOptions? options, bool async, CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Get, _uri);
        message.Request.AddRange(options?.Range ?? default);
        message.Request.AddBlobConditions(options?.Conditions);
        var response = await _context.SendAsync(message, async, cancellationToken, 200, 206).ConfigureAwait(false);
        return Response.FromValue(new BlobDownloadResult(response.Content, BlobHeaderReader.ReadDownloadDetails(response)), response);
    }

    private async ValueTask<Response<BlobDownloadStreamingResult>> DownloadStreamingCore(HttpRange range, BlobRequestConditions? conditions,
        bool async, CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Get, _uri);
        message.BufferResponse = false;
        message.Request.AddRange(range);
        message.Request.AddBlobConditions(conditions);
        var response = await _context.SendAsync(message, async, cancellationToken, 200, 206).ConfigureAwait(false);
        var details = BlobHeaderReader.ReadDownloadDetails(response);
        var content = message.ExtractResponseContent() ?? Stream.Null;
        return Response.FromValue(new BlobDownloadStreamingResult(content, details), response);
    }

    private async ValueTask<Response<bool>> ExistsCore(bool async, CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Head, _uri);
        var response = await _context.SendAsync(message, async, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    private async ValueTask<Response> DeleteCore(DeleteSnapshotsOption snapshots, BlobRequestConditions? conditions, bool async,
        CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Delete, _uri);
        if (snapshots != DeleteSnapshotsOption.None)
        {
            message.Request.Headers.SetValue("x-ms-delete-snapshots", snapshots == DeleteSnapshotsOption.IncludeSnapshots ? "include" : "only");
        }
        message.Request.AddBlobConditions(conditions);
        return await _context.SendAsync(message, async, cancellationToken, 202).ConfigureAwait(false);
    }

    private async ValueTask<Response<bool>> DeleteIfExistsCore(DeleteSnapshotsOption snapshots, BlobRequestConditions? conditions, bool async,
        CancellationToken cancellationToken)
    {
        try
        {
            var response = await DeleteCore(snapshots, conditions, async, cancellationToken).ConfigureAwait(false);
            return Response.FromValue(true, response);
        }
        catch (RequestFailedException ex) when (ex.HasErrorCode("BlobNotFound") || ex.HasErrorCode("ContainerNotFound"))
        {
            return Response.FromValue(false, ex.GetRawResponse()!);
        }
    }

    private async ValueTask<Response<BlobProperties>> GetPropertiesCore(BlobRequestConditions? conditions, bool async, CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Head, _uri);
        message.Request.AddBlobConditions(conditions);
        var response = await _context.SendAsync(message, async, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(BlobHeaderReader.ReadProperties(response), response);
    }

    private async ValueTask<Response<BlobInfo>> SetMetadataCore(IDictionary<string, string> metadata, BlobRequestConditions? conditions,
        bool async, CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Put, _uri);
        message.Request.Uri.AppendQuery("comp", "metadata");
        message.Request.AddMetadata(metadata);
        message.Request.AddBlobConditions(conditions);
        var response = await _context.SendAsync(message, async, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(BlobHeaderReader.ReadInfo(response), response);
    }

    private async ValueTask<Response<BlobInfo>> SetHttpHeadersCore(BlobHttpHeaders? headers, BlobRequestConditions? conditions,
        bool async, CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Put, _uri);
        message.Request.Uri.AppendQuery("comp", "properties");
        message.Request.AddBlobHttpHeaders(headers);
        message.Request.AddBlobConditions(conditions);
        var response = await _context.SendAsync(message, async, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(BlobHeaderReader.ReadInfo(response), response);
    }
}
