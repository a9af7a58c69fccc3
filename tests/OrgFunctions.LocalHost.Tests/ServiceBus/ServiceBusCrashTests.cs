using System.Diagnostics;
using System.Reflection;
using System.Text;
using Azure.Messaging.ServiceBus;
using OrgFunctions.LocalHost.Tests.ServiceBus.Samples;
using OrgFunctions.LocalHost.Tests.ServiceBus.Support;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

/// <summary>A host killed (SIGKILL) mid-handling loses no message: the next host gets it again and completes it.</summary>
public sealed class ServiceBusCrashTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task MessageBeingHandledWhenTheHostIsKilledIsRedeliveredAndCompletedByTheNextHost()
    {
        var queueName = AzuriteFixture.UniqueName("crash-");
        var signals = Directory.CreateTempSubdirectory("sb-crash-").FullName;
        try
        {
            var first = StartHost(queueName, signals);
            try
            {
                await using var bus = new LocalServiceBusHarness(azurite);
                await using (var sender = bus.Client.CreateSender(queueName))
                {
                    await sender.SendMessageAsync(new ServiceBusMessage("survive") { MessageId = "m-crash" });
                }
                await Poll.UntilAsync(() => File.Exists(Path.Combine(signals, "started-1")), "the first delivery to start", null, first);
            }
            finally
            {
                first.Process.Kill(); // SIGKILL: no shutdown, no settlement.
                await first.Process.WaitForExitAsync();
            }
            Assert.False(File.Exists(Path.Combine(signals, "completed-1")));

            var second = StartHost(queueName, signals);
            try
            {
                await Poll.UntilAsync(() => File.Exists(Path.Combine(signals, "completed-2")), "the redelivery to complete", null, second);
                Assert.Equal("m-crash", await File.ReadAllTextAsync(Path.Combine(signals, "completed-2")));
                var queue = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, queueName);
                await Poll.UntilAsync(async () => (await queue.PeekMessagesAsync(1)).Value.Length == 0, "the queue to be empty");
            }
            finally
            {
                second.Process.Kill();
                await second.Process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(signals, recursive: true);
        }
    }

    private ChildHost StartHost(string queueName, string signals)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(HostDll());
        foreach (var arg in SampleHost.Arguments(azurite.ConnectionString,
            $"--{CrashSafetyFunction.QueueSetting}={queueName}",
            $"--{CrashSafetyFunction.SignalDirectorySetting}={signals}",
            "--LocalHost:ServiceBus:LockDuration=00:00:03",
            "--LocalHost:ServiceBus:MaxPollingInterval=00:00:00.200"))
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
        var configuration = typeof(ServiceBusCrashTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        return Path.Combine(RepoPaths.Root, "src", "OrgFunctions.LocalHost", "bin", configuration, "net10.0", "OrgFunctions.LocalHost.dll");
    }
}

/// <summary>A host child process and what it printed (for the failure message when it dies).</summary>
internal sealed class ChildHost(Process process)
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
                return _output.ToString();
            }
        }
    }
}
