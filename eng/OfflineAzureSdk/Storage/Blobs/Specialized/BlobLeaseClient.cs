using System.Globalization;
using Azure.Core;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Internal;

namespace Azure.Storage.Blobs.Specialized;

/// <summary>
/// Acquires and manages a lease on a blob or a container. <see cref="LeaseId"/> starts as the
/// proposed id (a new GUID unless given) and follows what the service returns.
/// </summary>
public class BlobLeaseClient
{
    public static readonly TimeSpan InfiniteLeaseDuration = TimeSpan.FromSeconds(-1);

    private readonly BlobBaseClient? _blob;
    private readonly BlobContainerClient? _container;
    private readonly StorageClientContext _context = null!;

    protected BlobLeaseClient() { }

    public BlobLeaseClient(BlobBaseClient client, string? leaseId = null)
    {
        _blob = client ?? throw new ArgumentNullException(nameof(client));
        _context = client.Context;
        LeaseId = leaseId ?? Guid.NewGuid().ToString();
    }

    public BlobLeaseClient(BlobContainerClient client, string? leaseId = null)
    {
        _container = client ?? throw new ArgumentNullException(nameof(client));
        _context = client.Context;
        LeaseId = leaseId ?? Guid.NewGuid().ToString();
    }

    public virtual Uri Uri => _blob?.Uri ?? _container!.Uri;

    public virtual string LeaseId { get; private set; } = "";

    protected virtual BlobBaseClient? BlobClient => _blob;

    protected virtual BlobContainerClient? BlobContainerClient => _container;

    /// <param name="duration">15–60 seconds, or <see cref="InfiniteLeaseDuration"/>.</param>
    public virtual Response<BlobLease> Acquire(TimeSpan duration, RequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        AcquireCore(duration, conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobLease>> AcquireAsync(TimeSpan duration, RequestConditions? conditions = null,
        CancellationToken cancellationToken = default) =>
        await AcquireCore(duration, conditions, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<BlobLease> Renew(RequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        LeaseCore("renew", conditions, 200, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobLease>> RenewAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        await LeaseCore("renew", conditions, 200, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<ReleasedObjectInfo> Release(RequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        ReleaseCore(conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<ReleasedObjectInfo>> ReleaseAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        await ReleaseCore(conditions, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<BlobLease> Change(string proposedId, RequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        ChangeCore(proposedId, conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobLease>> ChangeAsync(string proposedId, RequestConditions? conditions = null,
        CancellationToken cancellationToken = default) =>
        await ChangeCore(proposedId, conditions, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<BlobLease> Break(TimeSpan? breakPeriod = null, RequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        BreakCore(breakPeriod, conditions, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<BlobLease>> BreakAsync(TimeSpan? breakPeriod = null, RequestConditions? conditions = null,
        CancellationToken cancellationToken = default) =>
        await BreakCore(breakPeriod, conditions, true, cancellationToken).ConfigureAwait(false);

    private HttpMessage LeaseMessage(string action, RequestConditions? conditions)
    {
        var message = _context.CreateMessage(RequestMethod.Put, Uri);
        if (_container is not null)
        {
            message.Request.Uri.AppendQuery("restype", "container");
        }
        message.Request.Uri.AppendQuery("comp", "lease");
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        message.Request.AddConditions(conditions);
        if (conditions is BlobLeaseRequestConditions { TagConditions: { Length: > 0 } tags })
        {
            message.Request.Headers.SetValue("x-ms-if-tags", tags);
        }
        return message;
    }

    private async ValueTask<Response<BlobLease>> AcquireCore(TimeSpan duration, RequestConditions? conditions, bool async,
        CancellationToken cancellationToken)
    {
        var seconds = duration < TimeSpan.Zero ? -1 : (long)duration.TotalSeconds;
        var message = LeaseMessage("acquire", conditions);
        message.Request.Headers.SetValue("x-ms-lease-duration", seconds.ToString(CultureInfo.InvariantCulture));
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", LeaseId);
        var response = await _context.SendAsync(message, async, cancellationToken, 201).ConfigureAwait(false);
        return Lease(response);
    }

    private async ValueTask<Response<BlobLease>> LeaseCore(string action, RequestConditions? conditions, int expected, bool async,
        CancellationToken cancellationToken)
    {
        var message = LeaseMessage(action, conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        var response = await _context.SendAsync(message, async, cancellationToken, expected).ConfigureAwait(false);
        return Lease(response);
    }

    private async ValueTask<Response<ReleasedObjectInfo>> ReleaseCore(RequestConditions? conditions, bool async, CancellationToken cancellationToken)
    {
        var message = LeaseMessage("release", conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        var response = await _context.SendAsync(message, async, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(new ReleasedObjectInfo(response.ETagHeader(), response.DateHeader("Last-Modified")), response);
    }

    private async ValueTask<Response<BlobLease>> ChangeCore(string proposedId, RequestConditions? conditions, bool async,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(proposedId);
        var message = LeaseMessage("change", conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", proposedId);
        var response = await _context.SendAsync(message, async, cancellationToken, 200).ConfigureAwait(false);
        return Lease(response);
    }

    private async ValueTask<Response<BlobLease>> BreakCore(TimeSpan? breakPeriod, RequestConditions? conditions, bool async,
        CancellationToken cancellationToken)
    {
        var message = LeaseMessage("break", conditions);
        if (breakPeriod is { } period)
        {
            message.Request.Headers.SetValue("x-ms-lease-break-period",
                ((long)period.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }
        var response = await _context.SendAsync(message, async, cancellationToken, 202).ConfigureAwait(false);
        return Response.FromValue(new BlobLease
        {
            ETag = response.ETagHeader(),
            LastModified = response.DateHeader("Last-Modified"),
            LeaseId = response.Header("x-ms-lease-id") ?? LeaseId,
            LeaseTime = int.TryParse(response.Header("x-ms-lease-time"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var time) ? time : null,
        }, response);
    }

    private Response<BlobLease> Lease(Response response)
    {
        if (response.Header("x-ms-lease-id") is { Length: > 0 } leaseId)
        {
            LeaseId = leaseId;
        }
        return Response.FromValue(new BlobLease
        {
            ETag = response.ETagHeader(),
            LastModified = response.DateHeader("Last-Modified"),
            LeaseId = LeaseId,
        }, response);
    }
}
