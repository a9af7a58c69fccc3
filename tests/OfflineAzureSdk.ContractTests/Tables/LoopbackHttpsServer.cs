using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OfflineAzureSdk.ContractTests.Tables;

/// <summary>
/// A minimal HTTPS server on 127.0.0.1 (free port, self-signed certificate) that records each request's headers and
/// answers 204. HTTPS because Azure.Core's bearer-token policy refuses to send tokens over plain HTTP.
/// </summary>
internal sealed class LoopbackHttpsServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackHttpsServer()
    {
        Certificate = CreateCertificate();
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public X509Certificate2 Certificate { get; }

    public Uri Endpoint => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/devstoreaccount1");

    /// <summary>The headers of every request received, names lower-cased.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Requests { get; } = new();

    /// <summary>Trusts exactly this server's certificate.</summary>
    public HttpClientHandler CreateTrustingHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString(),
    };

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        await using (var tls = new SslStream(client.GetStream()))
        {
            await tls.AuthenticateAsServerAsync(Certificate);
            using var reader = new StreamReader(tls, Encoding.ASCII, leaveOpen: true);
            while (await reader.ReadLineAsync() is { Length: > 0 } requestLine)
            {
                var headers = new Dictionary<string, string> { [":request-line"] = requestLine };
                while (await reader.ReadLineAsync() is { Length: > 0 } line)
                {
                    var colon = line.IndexOf(':');
                    headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
                }
                if (headers.TryGetValue("content-length", out var length) && int.Parse(length) > 0)
                {
                    var body = new char[int.Parse(length)];
                    await reader.ReadBlockAsync(body);
                }
                Requests.Enqueue(headers);
                await tls.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"));
                await tls.FlushAsync();
            }
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Re-imported from PKCS#12 so that SslStream can use the private key on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping.
        }
        Certificate.Dispose();
        _stop.Dispose();
    }
}
