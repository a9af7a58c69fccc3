using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Testing;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Testing.Hosting;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Tests.Webhooks;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Functions;

[Collection(WebhookEndToEndCollection.Name)]
public class WebhookScaleAndCrashTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FiveHundredEventsToThreeSubscriptionsArriveFifteenHundredTimesEachVerified()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var arrange = new WebhookApp(azurite);
        var (root, _) = await arrange.Orgs.Trees.RootAsync();
        var paths = new[] { "scale-a", "scale-b", "scale-c" };
        var secrets = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            var id = await FanOutServiceTests.SubscribeAsync(arrange, root, ["org.updated"], url: receiver.Url(path, _ => 200));
            var record = await arrange.Get<SubscriptionStore>().GetAsync(root.Org.Path.RootId.Value, root.Org.Path.OrgId, id, default);
            secrets[path] = record!.Subscription.Secret.Text;
        }
        await using var app = await AppHost.StartAsync(azurite, null, [.. WebhookEndToEndTests.FastHost, "--Webhooks:FanOutParallelism=32"]);

        await FanOutServiceTests.AddEventsAsync(arrange, root, root.Org.Path, 500);

        await Eventually.TrueAsync(() => paths.All(p => receiver.At(p).Select(r => r.Id).Distinct().Count() == 500),
            "every event reaches every subscription", 240);
        foreach (var path in paths)
        {
            var received = receiver.At(path).GroupBy(r => r.Id).Select(g => g.First()).ToList();
            Assert.Equal(500, received.Count);
            var secret = WebhookSecret.Parse(secrets[path]);
            Assert.All(received, r => Assert.True(StandardWebhooksVerifier.Verifies(secret, r)));
            var (verified, failures) = await NodeVerifier.VerifyAsync(received, secrets[path]);
            Assert.True(verified == 500, failures);
        }
        Assert.Equal(1500, receiver.Received.Select(r => r.Path + r.Id).Distinct().Count());
    }

    [Fact]
    public async Task KillingTheLocalHostMidDeliveryLosesNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = receiver.Url("crash", async (attempt, context) =>
        {
            if (attempt == 1)
            {
                firstArrived.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
            }
            return 200;
        });
        var arrange = new WebhookApp(azurite);
        var (root, _) = await arrange.Orgs.Trees.RootAsync();
        var subscriptionId = await FanOutServiceTests.SubscribeAsync(arrange, root, ["org.updated"], url: url);
        await FanOutServiceTests.DrainAsync(arrange, root);

        await using var first = StartChildHost();
        await FanOutServiceTests.AddEventsAsync(arrange, root, root.Org.Path, 1);
        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await first.KillAsync(); // SIGKILL mid-request: no settlement, no attempt recorded.

        await using var second = StartChildHost();
        await Eventually.TrueAsync(async () =>
        {
            var (items, _) = await arrange.Get<DeliveryLog>().PageAsync(subscriptionId, DeliveryStatus.Succeeded, 10, null, default);
            return items.Any(d => d.EventType == "org.updated");
        }, "the delivery succeeds after the restart: " + second.RecentOutput, 60);
        await second.KillAsync(); // no host left to deliver while the arrivals are counted

        var received = receiver.At("crash");
        Assert.Equal(2, received.Count);
        Assert.Single(received.Select(r => r.Id).Distinct());
    }

    private ChildLocalHost StartChildHost() =>
        ChildLocalHost.Start(["--settings", Path.Combine(RepoPaths.Root, "local.settings.sample.json"),
            $"--AzureWebJobsStorage={azurite.ConnectionString}", .. WebhookEndToEndTests.FastHost,
            "--LocalHost:ServiceBus:LockDuration=00:00:03"]);
}
