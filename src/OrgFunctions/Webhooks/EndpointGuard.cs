using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Webhooks;

/// <summary>A webhook endpoint resolved to an address it may not reach (private, loopback, link-local, metadata).</summary>
public sealed class BlockedAddressException(string host, AddressKind kind)
    : HttpRequestException($"The host '{host}' resolves to a {kind.ToString().ToLowerInvariant()} address, which webhooks may not reach.")
{
    public AddressKind Kind { get; } = kind;
}

/// <summary>
/// Resolves a webhook host and judges every address it has: at subscription time (to refuse early, with a reason) and
/// on every connection (<see cref="ConnectAsync"/>, the HttpClient's ConnectCallback), so a DNS answer that changed
/// since can't point a delivery at an internal address. The connection goes to the address that was checked.
/// </summary>
public sealed class EndpointGuard(IOptions<WebhookOptions> options)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    private AddressPolicy Policy => options.Value.AddressPolicy;

    /// <summary>
    /// A URL as a customer typed it, judged by every webhook rule: its form (<see cref="EndpointUrl"/>: https unless
    /// <c>Webhooks:AllowHttp</c>, no credentials or fragment), then every address its host resolves to. The URL, or why not.
    /// </summary>
    public async Task<(EndpointUrl? Url, string? Problem)> CheckAsync(string text, CancellationToken cancellationToken)
    {
        var url = EndpointUrl.TryParse(text, options.Value.AllowHttp, out var reason);
        if (url is null)
        {
            return (null, reason);
        }
        return await ProblemWithAsync(url, cancellationToken) is { } problem ? (null, problem) : (url, null);
    }

    /// <summary>Null when every address of the URL's host is allowed, else why not.</summary>
    public async Task<string?> ProblemWithAsync(EndpointUrl url, CancellationToken cancellationToken)
    {
        try
        {
            await ResolveAllowedAsync(url.Uri.DnsSafeHost, cancellationToken);
            return null;
        }
        catch (BlockedAddressException ex)
        {
            return $"resolves to a {ex.Kind.ToString().ToLowerInvariant()} address, which webhooks may not reach";
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ArgumentException)
        {
            return "has a host that does not resolve";
        }
    }

    public async Task<IPAddress[]> ResolveAllowedAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ResolveTimeout);
            addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        // All, not any: a host with one internal address among public ones is refused outright.
        foreach (var address in addresses)
        {
            if (!Policy.Allows(address))
            {
                throw new BlockedAddressException(host, AddressPolicy.Classify(address));
            }
        }
        return addresses;
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/> of the webhook client.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAllowedAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
