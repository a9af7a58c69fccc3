using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OrgFunctions.Tests.Builders;

/// <summary>One email as the receiver accepted it.</summary>
public sealed record ReceivedEmail(string MessageId, string From, string To, string Subject, string TextBody, string? HtmlBody);

/// <summary>
/// A real SMTP server in this process (the SmtpServer package) on 127.0.0.1, a free port unless one is given (to come
/// back on the same port after <see cref="StopAsync"/>). <see cref="Answer"/> decides the reply to each message (by its
/// 1-based ordinal): 250 keeps it in <see cref="Received"/>, anything else refuses it.
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private int _offered;

    private SmtpReceiver()
    {
    }

    public int Port { get; private set; }
    public ConcurrentQueue<ReceivedEmail> Received { get; } = new();

    /// <summary>How many messages were offered (DATA), accepted or not.</summary>
    public int Offered => Volatile.Read(ref _offered);

    public Func<int, int> Answer { get; set; } = _ => 250;

    public static async Task<SmtpReceiver> StartAsync(int port = 0)
    {
        var receiver = new SmtpReceiver();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(receiver));
        var options = new SmtpServerOptionsBuilder()
            .ServerName("receiver.test")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var server = new SmtpServer.SmtpServer(options, services);
        receiver._running = server.StartAsync(receiver._stop.Token);
        var finished = await Task.WhenAny(started.Task, receiver._running);
        if (finished != started.Task)
        {
            await receiver._running;
            throw new InvalidOperationException("The SMTP receiver stopped before it listened.");
        }
        receiver.Port = await started.Task;
        return receiver;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private sealed class Store(SmtpReceiver receiver) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var code = receiver.Answer(Interlocked.Increment(ref receiver._offered));
            if (code != 250)
            {
                return new SmtpResponse((SmtpReplyCode)code, "refused by the test");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            receiver.Received.Enqueue(new ReceivedEmail(message.MessageId ?? "", message.From.Mailboxes.Single().Address,
                message.To.Mailboxes.Single().Address, message.Subject ?? "", message.TextBody ?? "", message.HtmlBody));
            return SmtpResponse.Ok;
        }
    }
}
