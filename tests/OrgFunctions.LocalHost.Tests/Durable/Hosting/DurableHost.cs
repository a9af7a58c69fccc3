using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrgFunctions.LocalHost.Hosting;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.Durable.Hosting;

/// <summary>The local host, in process, with the durable samples on Azurite and a task hub of its own.</summary>
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

    public static string HubArgument(string hubName) => $"--AzureFunctionsJobHost:extensions:durableTask:hubName={hubName}";

    public static async Task<DurableHost> StartAsync(AzuriteFixture azurite)
    {
        var hub = AzuriteFixture.UniqueName("hub");
        var host = LocalFunctionsHost.Create(SampleHost.Arguments(azurite.ConnectionString, HubArgument(hub)));
        await host.StartAsync();
        return new DurableHost(host, hub);
    }

    /// <summary>Polls a status URL until it answers 200 (the instance ended).</summary>
    public static async Task<JsonElement> PollUntilDoneAsync(HttpClient client, string statusUrl)
    {
        var deadline = DateTime.UtcNow + Await.Bound;
        while (true)
        {
            using var response = await client.GetAsync(statusUrl);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "The orchestration did not end in time.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}
