using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.LocalHost.Hosting;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Signup;
using OrgFunctions.Storage;
using OrgFunctions.Testing;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Benchmarks.Webhooks;

/// <summary>
/// Two ratios, each against raw work of the same size in the same process and run:
/// delivery — the delivery handler (a first attempt: subscription cached, signed POST, attempt recorded) over a raw signed
/// POST of the same body plus one raw upsert of the same row, at the same concurrency; fan-out — one event on an org
/// with N subscriptions on its ancestors (delivery rows, messages, enqueued marks) over raw sends of the same N messages
/// at the same parallelism.
/// The app's services come from the local host (started, then stopped so no timer or listener competes).
/// </summary>
public static class WebhookBenchmark
{
    public static async Task<BenchmarkReport> RunAsync(string storageConnectionString, BenchmarkSize size)
    {
        await using var receiver = await Receiver.StartAsync();
        var host = LocalFunctionsHost.Create(
        [
            "--port", "0",
            "--settings", Path.Combine(RepoPaths.Root, "local.settings.sample.json"),
            $"--AzureWebJobsStorage={storageConnectionString}",
            "--Webhooks:FanOutSchedule=0 0 0 1 1 *",
            "--Webhooks:AllowHttp=true",
            "--Webhooks:AllowLoopback=true",
            $"--Webhooks:FanOutParallelism={size.Concurrency}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await host.StartAsync();
        await host.StopAsync();
        try
        {
            var services = host.Services;
            var delivery = await DeliveryAsync(services, storageConnectionString, receiver, size);
            var fanOut = await FanOutAsync(services, receiver, size);
            return new BenchmarkReport(size, [delivery, fanOut]);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task<Measurement> DeliveryAsync(IServiceProvider services, string storageConnectionString, Receiver receiver,
        BenchmarkSize size)
    {
        const int warmUp = 10;
        var root = await RootAsync(services);
        var subscription = await SubscribeAsync(services, root, receiver.Url);
        await services.GetRequiredService<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);
        await AddEventsAsync(services, root.Org.Path, size.Deliveries + warmUp);
        await services.GetRequiredService<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);
        var deliveries = new List<DeliveryRecord>();
        string? token = null;
        do
        {
            var (items, next) = await services.GetRequiredService<DeliveryLog>().PageAsync(subscription.Id, null, 1000, token, default);
            deliveries.AddRange(items.Where(d => d.EventType == EventTypes.OrgUpdated));
            token = next;
        } while (token is not null);
        if (deliveries.Count != size.Deliveries + warmUp)
        {
            throw new InvalidOperationException($"Expected {size.Deliveries + warmUp} deliveries, found {deliveries.Count}.");
        }

        var handler = services.GetRequiredService<DeliveryHandler>();
        var actions = new NoOpMessageActions();
        var options = new ParallelOptions { MaxDegreeOfParallelism = size.Concurrency };
        foreach (var d in deliveries.Take(warmUp))
        {
            await handler.HandleAsync(Received(d), actions, default);
        }
        var measured = deliveries.Skip(warmUp).ToList();
        var before = receiver.Received;
        var app = await TimeAsync(() => Parallel.ForEachAsync(measured, options, async (d, ct) => await handler.HandleAsync(Received(d), actions, ct)));
        if (receiver.Received - before != measured.Count)
        {
            throw new InvalidOperationException("Not every delivery reached the receiver.");
        }

        // The baseline: what one delivery can't do without — a signed POST and one table write. The write is an upsert of
        // the very row the handler wrote (same table, same partition, same size), read back raw beforehand.
        var table = new TableClient(storageConnectionString, TableNames.WebhookDeliveries);
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {subscription.Id}")))
        {
            rows[row.RowKey] = row;
        }
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        var secrets = new[] { subscription.Secret };
        async ValueTask PostAndUpsertAsync(DeliveryRecord d, CancellationToken ct)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var body = Encoding.UTF8.GetBytes(d.Payload);
            using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, d.DeliveryId);
            request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Header(secrets, d.DeliveryId, timestamp, body));
            using var response = await client.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            await table.UpsertEntityAsync(rows[d.DeliveryId], TableUpdateMode.Replace, ct);
        }
        foreach (var d in deliveries.Take(warmUp))
        {
            await PostAndUpsertAsync(d, default);
        }
        var raw = await TimeAsync(() => Parallel.ForEachAsync(measured, options, PostAndUpsertAsync));
        return new Measurement($"delivery (handler, concurrency {size.Concurrency})", measured.Count, app, raw);
    }

    private static async Task<Measurement> FanOutAsync(IServiceProvider services, Receiver receiver, BenchmarkSize size)
    {
        var root = await RootAsync(services);
        var child = await ChildAsync(services, root);
        var grandchild = await ChildAsync(services, child);
        var tree = root.Org.Path.RootId.Value;
        var fanOut = services.GetRequiredService<FanOutService>();
        await fanOut.FanOutTreeAsync(tree, default);
        for (var i = 0; i < size.Subscriptions; i++)
        {
            await SubscribeAsync(services, i % 2 == 0 ? root : child, receiver.Url);
        }

        var app = TimeSpan.Zero;
        for (var e = 0; e < size.FanOutEvents; e++)
        {
            await AddEventsAsync(services, grandchild.Org.Path, 1);
            var (events, enqueued, _) = (0, 0, false);
            app += await TimeAsync(async () => (events, enqueued, _) = await fanOut.FanOutTreeAsync(tree, default));
            if (events != 1 || enqueued != size.Subscriptions)
            {
                throw new InvalidOperationException($"Fan-out enqueued {enqueued} of {size.Subscriptions}.");
            }
        }

        var sender = services.GetRequiredService<ServiceBusClient>().CreateSender(WebhookOptions.QueueName);
        var messages = Enumerable.Range(0, size.Subscriptions * size.FanOutEvents).Select(i =>
            new DeliveryMessage($"msg_raw{i}", "wh_raw", root.Org.Id.Value, tree).ToServiceBusMessage(1, 1)).ToList();
        var raw = await TimeAsync(() => Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = size.Concurrency },
            async (m, ct) => await sender.SendMessageAsync(m, ct)));
        return new Measurement($"fan-out ({size.Subscriptions} subscriptions on ancestors, per event x{size.FanOutEvents})",
            size.Subscriptions * size.FanOutEvents, app, raw);
    }

    private static ServiceBusReceivedMessage Received(DeliveryRecord d)
    {
        var sent = DeliveryMessage.For(d).ToServiceBusMessage(1, d.Round);
        return ServiceBusModelFactory.ServiceBusReceivedMessage(body: sent.Body, messageId: sent.MessageId,
            properties: new Dictionary<string, object>(sent.ApplicationProperties), deliveryCount: 1);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed;
    }

    private static async Task<OrgRecord> RootAsync(IServiceProvider services)
    {
        var request = new SignupRequest(OrgName.Create("Bench " + Guid.NewGuid().ToString("N")[..8]), $"bench-{Guid.NewGuid():N}@example.com", "Bench");
        var result = await services.GetRequiredService<SignupService>().SignUpAsync(request, default);
        var path = OrgPath.Root(OrgId.Parse(result.Value!.Org.Id));
        return (await services.GetRequiredService<OrgStore>().GetAsync(new OrgLocation(path.OrgId, path), default))!;
    }

    private static async Task<OrgRecord> ChildAsync(IServiceProvider services, OrgRecord parent)
    {
        var tables = services.GetRequiredService<OrgTables>();
        var now = DateTimeOffset.UtcNow;
        var org = Org.CreateChild(parent.Org, OrgId.New(), OrgName.Create("Bench child " + Guid.NewGuid().ToString("N")[..8]), null, now);
        org.Activate();
        var settings = OrgSettings.ForChildOf(parent.Settings, parent.Org.Id, null);
        await tables.Index.UpsertEntityAsync(OrgRow.Index(org), TableUpdateMode.Replace);
        await tables.Orgs.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, OrgRow.Create(org, settings, now)),
            new(TableTransactionActionType.Add, OrgRow.NameReservation(org)),
        ]);
        return (await services.GetRequiredService<OrgStore>().GetAsync(new OrgLocation(org.Id, org.Path), default))!;
    }

    private static async Task<WebhookSubscription> SubscribeAsync(IServiceProvider services, OrgRecord org, Uri url)
    {
        var subscription = new WebhookSubscription
        {
            Id = WebhookSubscription.NewId(),
            OrgPath = org.Org.Path,
            Url = EndpointUrl.Parse(url.AbsoluteUri, allowHttp: true),
            Selection = new EventSelection([EventTypes.OrgUpdated], IncludeDescendants: true),
            Secret = WebhookSecret.Generate(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await services.GetRequiredService<SubscriptionStore>().AddAsync(subscription, default);
        return subscription;
    }

    private static async Task AddEventsAsync(IServiceProvider services, OrgPath at, int count)
    {
        var tables = services.GetRequiredService<OrgTables>();
        var events = services.GetRequiredService<EventFactory>();
        var tree = at.RootId.Value;
        await PendingTrees.MarkAsync(tables.Index, tree, default);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await tables.Orgs.SubmitTransactionAsync(chunk.Select(i => OutboxRows.Add(tree,
                events.Create(EventTypes.OrgUpdated, at.OrgId.Value, "bench", new JsonObject { ["n"] = i }))).ToList());
        }
    }
}
