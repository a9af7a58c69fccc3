using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.LocalHost.Hosting;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.Durable.Hosting;

/// <summary>
/// The local host, in process, with the durable samples on Azurite and a task hub of its own; the samples' HTTP starter
/// (<c>POST api/durable/{orchestrator}</c>) and status route (<c>GET api/durable/instances/{id}</c>).
/// </summary>
internal sealed class DurableHost : IAsyncDisposable
{
    private DurableHost(LocalFunctionsHost host, string hubName)
    {
        Host = host;
        HubName = hubName;
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public LocalFunctionsHost Host { get; }

    public string HubName { get; }

    public HttpClient Client { get; }

    /// <summary>The real gRPC client the host hands to <c>[DurableClient]</c> parameters.</summary>
    public DurableTaskClient Durable => Host.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>A task hub name of its own, mixed case (Azure Storage lowercases it for queues and containers).</summary>
    public static string NewHubName() => "Hub" + Guid.NewGuid().ToString("N")[..24];

    public static string HubArgument(string hubName) => $"--AzureFunctionsJobHost:extensions:durableTask:hubName={hubName}";

    public static async Task<DurableHost> StartAsync(AzuriteFixture azurite)
    {
        var hub = NewHubName();
        var host = LocalFunctionsHost.Create(SampleHost.Arguments(azurite.ConnectionString, HubArgument(hub)));
        await host.StartAsync();
        return new DurableHost(host, hub);
    }

    /// <summary>POSTs to the samples' starter; returns its answer (202 with <c>{ id }</c> when it works).</summary>
    public static Task<HttpResponseMessage> StartOrchestrationAsync(HttpClient client, string orchestrator, string? jsonInput,
        string? instanceId = null) =>
        client.PostAsync($"api/durable/{orchestrator}{(instanceId is null ? "" : "?instanceId=" + instanceId)}",
            jsonInput is null ? null : new StringContent(jsonInput, Encoding.UTF8, "application/json"));

    /// <summary>
    /// Polls the samples' status route until the instance has ended (Completed, Failed or Terminated), and returns
    /// that answer. Other answers (404 before the instance is visible, 500 while the sidecar is still starting) are
    /// waited out, within <see cref="Await.Bound"/>.
    /// </summary>
    public static Task<JsonElement> WaitUntilEndedAsync(HttpClient client, string instanceId) =>
        WaitForStatusAsync(client, instanceId, s => s.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated");

    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string instanceId, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow + Await.Bound;
        var last = "(no answer)";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync($"api/durable/instances/{instanceId}");
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var status = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (until(status))
                {
                    return status;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Instance {instanceId} did not reach the expected status in time; last answer: {last}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}
