using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.LocalHost.Hosting;
using OrgFunctions.Testing;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// The app's functions served by the local host in this process, on a free loopback port, over the shared Azurite:
/// what the HTTP tests of src/OrgFunctions call. <see cref="Services"/> is the host's container, for arranging data.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private AppHost(LocalFunctionsHost host)
    {
        Host = host;
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public LocalFunctionsHost Host { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => Host.Services;

    public static async Task<AppHost> StartAsync(AzuriteFixture azurite, Action<IServiceCollection, IConfiguration>? configureServices = null,
        params string[] extraArguments)
    {
        var host = LocalFunctionsHost.Create(
        [
            "--port", "0",
            "--settings", Path.Combine(RepoPaths.Root, "local.settings.sample.json"),
            $"--AzureWebJobsStorage={azurite.ConnectionString}",
            // A task hub per host: hosts of parallel tests must not run each other's orchestrations.
            $"--AzureFunctionsJobHost:extensions:durableTask:hubName={AzuriteFixture.UniqueName("hub")}",
            // Webhook fan-out runs only where a test asks for it (WebhookEndToEndTests.FastHost): elsewhere it would
            // touch outbox rows behind tests that check nothing was written. Later arguments win.
            "--Webhooks:FanOutSchedule=0 0 0 1 1 *",
            // Likewise the email dispatcher (EmailDispatcherTests send on their own): never, unless a test asks.
            "--Email:DispatchSchedule=0 0 0 1 1 *",
            .. extraArguments,
        ], configureServices);
        await host.StartAsync();
        return new AppHost(host);
    }

    /// <summary>A request with the given API key as its bearer token.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? apiKey, object? body = null)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body);
        }
        return request;
    }

    /// <summary>Signs up a new root org over HTTP; returns its id and the owner's API key.</summary>
    public async Task<(string OrgId, string ApiKey)> SignUpAsync(string? orgName = null)
    {
        var response = await Client.PostAsJsonAsync("api/signup", new
        {
            orgName = orgName ?? "Org " + Guid.NewGuid().ToString("N")[..8],
            owner = new { email = $"owner-{Guid.NewGuid():N}@example.com", displayName = "Owner" },
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("org").GetProperty("id").GetString()!, body.GetProperty("apiKey").GetProperty("secret").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}
