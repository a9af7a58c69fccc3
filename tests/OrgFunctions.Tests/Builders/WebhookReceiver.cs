using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.Tests.Builders;

/// <summary>One webhook request as the receiver saw it.</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, string Body, DateTimeOffset At);

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, free port). Each path answers what its responder says, given how
/// many times that webhook-id has been received there (1 on the first request).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<int, HttpContext, Task<int>>> _responders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Urls.First());
        return receiver;
    }

    /// <summary>The URL of <paramref name="path"/>, answered by <paramref name="responder"/> (attempt → status).</summary>
    public string Url(string path, Func<int, int> responder) =>
        Url(path, (n, _) => Task.FromResult(responder(n)));

    public string Url(string path, Func<int, HttpContext, Task<int>> responder)
    {
        _responders[path] = responder;
        return new Uri(BaseAddress, path).AbsoluteUri;
    }

    public IReadOnlyList<ReceivedWebhook> At(string path) => Received.Where(r => r.Path == path).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimStart('/');
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var id = context.Request.Headers["webhook-id"].ToString();
        var count = _counts.AddOrUpdate(path + "\n" + id, 1, (_, n) => n + 1);
        Received.Enqueue(new ReceivedWebhook(path, id, context.Request.Headers["webhook-timestamp"].ToString(),
            context.Request.Headers["webhook-signature"].ToString(), body, DateTimeOffset.UtcNow));
        context.Response.StatusCode = _responders.TryGetValue(path, out var responder) ? await responder(count, context) : 404;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
