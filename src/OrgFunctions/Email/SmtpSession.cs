using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace OrgFunctions.Email;

/// <summary>
/// One SMTP connection for one dispatcher run, opened on the first send and reopened after a connection error, so a
/// run with many emails connects once. Every failure is reported, never thrown: an SMTP status (5xx permanent, 4xx
/// transient) or the exception's type name (transient), never the server's text, which may quote the address.
/// </summary>
public sealed class SmtpSession(EmailOptions options) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            var client = await ConnectedAsync(timeout.Token);
            await client.SendAsync(message, timeout.Token);
            return SendResult.Sent;
        }
        catch (SmtpCommandException ex)
        {
            // The server answered the command; the connection stays usable unless it is closing (421).
            if (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable)
            {
                await DropAsync();
            }
            var code = (int)ex.StatusCode;
            return new SendResult(false, code >= 500, $"smtp-{code.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{ex.ErrorCode}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
                                       or AuthenticationException or SslHandshakeException or IOException or SocketException
                                       or TimeoutException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await DropAsync();
            return new SendResult(false, false, ex is OperationCanceledException ? "timeout" : ex.GetType().Name);
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }
        await DropAsync();
        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        _client = client;
        await client.ConnectAsync(options.Host, options.Port, options.TlsMode switch
        {
            EmailTlsMode.StartTls => SecureSocketOptions.StartTls,
            EmailTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(options.Username))
        {
            await client.AuthenticateAsync(options.Username, options.Password, cancellationToken);
        }
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is null)
        {
            return;
        }
        var client = _client;
        _client = null;
        try
        {
            if (client.IsConnected)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(true, quick.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException
                                       or OperationCanceledException or ServiceNotConnectedException)
        {
            // Closing a broken connection: nothing to do but let it go.
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}

/// <summary>How one send ended: sent, or failed (permanently: the server refused with 5xx) with a loggable reason.</summary>
public sealed record SendResult(bool Succeeded, bool Permanent, string? Error)
{
    public static readonly SendResult Sent = new(true, false, null);
}
