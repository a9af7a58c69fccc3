using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.Durable.Hosting;

/// <summary>The host as a child process, killed (SIGKILL) while an activity runs, then started again.</summary>
public sealed class CrashRecoveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AKilledHostResumesTheOrchestrationAndNoRecordedActivityRunsAgain()
    {
        var hub = AzuriteFixture.UniqueName("hub");
        var countTable = AzuriteFixture.UniqueName("runs");
        var counts = new TableClient(azurite.ConnectionString, countTable);

        var firstPort = FreePort.Next();
        string statusPath;
        using (var first = StartHost(firstPort, hub))
        {
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{firstPort}/") };
                using var started = await PostWhenUpAsync(client, "api/durable/ThreeSteps",
                    $$"""{"CountTable":"{{countTable}}","BlockOnStep":2}""", first);
                var status = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusQueryGetUri").GetString()!;
                statusPath = new Uri(status).PathAndQuery;

                // Step 2 records its run before it blocks: then the host dies mid-activity.
                await WaitForCountAsync(counts, "step2", 1);
            }
            finally
            {
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }
        }

        var secondPort = FreePort.Next();
        using var second = StartHost(secondPort, hub);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{secondPort}/") };
            await WaitUntilUpAsync(client, second);
            var done = await DurableHost.PollUntilDoneAsync(client, statusPath);

            Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
            Assert.Equal("step1,step2,step3", done.GetProperty("output").GetString());
            Assert.Equal(1, await CountAsync(counts, "step1"));
            Assert.Equal(2, await CountAsync(counts, "step2")); // at-least-once: it was running when the host died
            Assert.Equal(1, await CountAsync(counts, "step3"));
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    private Process StartHost(int port, string hub)
    {
        var configuration = typeof(CrashRecoveryTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var hostDll = Path.Combine(RepoPaths.Root, "src", "OrgFunctions.LocalHost", "bin", configuration, "net10.0", "OrgFunctions.LocalHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var arg in SampleHost.Arguments(azurite.ConnectionString, DurableHost.HubArgument(hub)))
        {
            start.ArgumentList.Add(arg == "0" ? port.ToString() : arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<HttpResponseMessage> PostWhenUpAsync(HttpClient client, string path, string json, Process process)
    {
        await WaitUntilUpAsync(client, process);
        return await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
    }

    private static async Task WaitUntilUpAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow + Await.Bound;
        while (true)
        {
            Assert.False(process.HasExited, "The host exited.");
            try
            {
                using var response = await client.GetAsync("runtime/webhooks/durabletask/instances/probe");
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task WaitForCountAsync(TableClient counts, string step, int expected)
    {
        var deadline = DateTime.UtcNow + Await.Bound;
        while (await CountAsync(counts, step) < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{step} did not run in time.");
            await Task.Delay(50);
        }
    }

    private static async Task<int> CountAsync(TableClient counts, string step)
    {
        try
        {
            var row = await counts.GetEntityIfExistsAsync<TableEntity>("runs", step);
            return row.HasValue ? row.Value!.GetInt32("Count") ?? 0 : 0;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0; // the table doesn't exist yet
        }
    }
}
