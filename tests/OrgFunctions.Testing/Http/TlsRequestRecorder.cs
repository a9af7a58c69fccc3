using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OrgFunctions.Testing.Http;

/// <summary>
/// A minimal HTTPS server on a free 127.0.0.1 port with a throwaway self-signed certificate. It records
/// each request's method, target and headers and answers 404 with an <c>x-ms-error-code</c> header.
/// HTTPS because token credentials are only sent over TLS.
/// </summary>
public sealed class TlsRequestRecorder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate = CreateCertificate();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<RecordedRequest> _requests = [];

    public TlsRequestRecorder(string errorCode)
    {
        _listener.Start();
        _loop = AcceptLoopAsync(errorCode);
    }

    public Uri BaseUri => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>A transport that trusts only this recorder's certificate.</summary>
    public HttpMessageHandler CreateHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == _certificate.Thumbprint,
    };

    private async Task AcceptLoopAsync(string errorCode)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client, errorCode));
        }
    }

    private async Task ServeAsync(TcpClient client, string errorCode)
    {
        using var _ = client;
        try
        {
            await using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(_certificate);
            using var reader = new StreamReader(tls, Encoding.ASCII, false, 1024, leaveOpen: true);
            while (await reader.ReadLineAsync() is { Length: > 0 } requestLine)
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                while (await reader.ReadLineAsync() is { Length: > 0 } line)
                {
                    var colon = line.IndexOf(':');
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
                lock (_requests)
                {
                    _requests.Add(new RecordedRequest(requestLine, headers));
                }
                var response = "HTTP/1.1 404 The specified resource does not exist.\r\n" +
                               $"x-ms-error-code: {errorCode}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                await tls.WriteAsync(Encoding.ASCII.GetBytes(response));
                await tls.FlushAsync();
                return;
            }
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
        {
            // A client that went away; the test sees it through its own assertions.
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _certificate.Dispose();
        _stop.Dispose();
    }
}

public sealed record RecordedRequest(string RequestLine, IReadOnlyDictionary<string, string> Headers);
