using System.Diagnostics;
using System.Reflection;
using System.Text;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Testing;
using OrgFunctions.Testing.Azurite;
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
            Assert.All(received, r => Assert.True(WebhookSignature.Verify(secret, r.Id, long.Parse(r.Timestamp), Encoding.UTF8.GetBytes(r.Body), r.Signature)));
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

        var first = StartChildHost();
        try
        {
            await FanOutServiceTests.AddEventsAsync(arrange, root, root.Org.Path, 1);
            await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
            first.Process.Kill(); // SIGKILL mid-request: no settlement, no attempt recorded.
            await first.Process.WaitForExitAsync();

            var second = StartChildHost();
            try
            {
                await Eventually.TrueAsync(async () =>
                {
                    var (items, _) = await arrange.Get<DeliveryLog>().PageAsync(subscriptionId, DeliveryStatus.Succeeded, 10, null, default);
                    return items.Any(d => d.EventType == "org.updated");
                }, "the delivery succeeds after the restart: " + second.Output, 60);
            }
            finally
            {
                second.Process.Kill();
                await second.Process.WaitForExitAsync();
            }
        }
        finally
        {
            if (!first.Process.HasExited)
            {
                first.Process.Kill();
            }
        }
        var received = receiver.At("crash");
        Assert.Equal(2, received.Count);
        Assert.Single(received.Select(r => r.Id).Distinct());
    }

    private ChildHost StartChildHost()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(HostDll());
        foreach (var arg in (string[])["--port", "0", "--settings", Path.Combine(RepoPaths.Root, "local.settings.sample.json"),
                     $"--AzureWebJobsStorage={azurite.ConnectionString}", .. WebhookEndToEndTests.FastHost,
                     "--LocalHost:ServiceBus:LockDuration=00:00:03"])
        {
            start.ArgumentList.Add(arg);
        }
        var child = new ChildHost(Process.Start(start)!);
        child.Process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child.Process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child.Process.BeginOutputReadLine();
        child.Process.BeginErrorReadLine();
        return child;
    }

    private static string HostDll()
    {
        var configuration = typeof(WebhookScaleAndCrashTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        return Path.Combine(RepoPaths.Root, "src", "OrgFunctions.LocalHost", "bin", configuration, "net10.0", "OrgFunctions.LocalHost.dll");
    }

    private sealed class ChildHost(Process process)
    {
        private readonly StringBuilder _output = new();

        public Process Process { get; } = process;

        public void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString()[^Math.Min(_output.Length, 4000)..];
                }
            }
        }
    }
}
