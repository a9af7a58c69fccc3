using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// A tree of 1,000 orgs (depth 4, 6 children per org) and the app over HTTP whose <c>TableServiceClient</c> records every
/// storage request (<see cref="Log"/>). The clock is frozen so that a key's lastUsedAt is written once (on its first use)
/// and never again: the counts are the steady-state cost of each route. <see cref="App"/> runs with the access cache
/// off, so its counts are what a request costs cold (the cache empty, or the bound passed); <see cref="WarmAppAsync"/>
/// is a second instance over the same storage with the cache on, for what a request costs warm.
/// </summary>
public sealed class StorageCostFixture : IAsyncLifetime
{
    public const int TreeSize = 1000;

    public StorageRequestLog Log { get; } = new();

    // The warm instance's own: whatever it does in the background is never counted as a cold route's cost.
    private readonly StorageRequestLog _warmLog = new();
    public AppHost App { get; private set; } = null!;
    public OrgApp Orgs { get; private set; } = null!;
    public GeneratedTree Tree { get; private set; } = null!;

    private AzuriteServer? _server;
    private AzuriteFixture _azurite = null!;
    private readonly FrozenClock _clock = new(DateTimeOffset.UtcNow);
    private Task<AppHost>? _warmApp;

    public async Task InitializeAsync()
    {
        // A server of its own: other tests' hosts share the webhook delivery queue and the pending-tree marks, and a
        // delivery or fan-out this host picked up from them would be counted as a route's cost.
        _server = AzuriteServer.Start();
        _azurite = AzuriteFixture.Over(_server);
        App = await StartAsync("--Access:CacheStaleness=00:00:00", Log);
        Orgs = new OrgApp(_azurite);
        Tree = await new BulkTreeBuilder(Orgs).TreeAsync(depth: 4, branching: 6, maxOrgs: TreeSize);
    }

    /// <summary>
    /// The second instance, with the cache on: its bound (5 minutes, the most allowed) is far longer than a test, and its clock the frozen
    /// one, so what it keeps stays warm for the whole measurement.
    /// </summary>
    public Task<AppHost> WarmAppAsync() => _warmApp ??= StartAsync("--Access:CacheStaleness=00:05:00", _warmLog);

    private Task<AppHost> StartAsync(string cacheSetting, StorageRequestLog log)
    {
        var options = new TableClientOptions();
        options.AddPolicy(log, Azure.Core.HttpPipelinePosition.PerCall);
        // The payment vault is the local host's stand-in on the app's own port: it keeps nothing, so it adds no storage request.
        var port = Testing.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return AppHost.StartAsync(_azurite, (services, _) =>
        {
            services.AddSingleton(new TableServiceClient(_azurite.ConnectionString, options));
            services.AddSingleton<TimeProvider>(_clock);
            // Its own timers too: the fan-out (every 5 s) and the file-drop scan (every minute) run once a year here, not mid-measurement.
        }, "--Webhooks:FanOutSchedule=0 0 0 1 1 *", "--FileDropsSchedule=0 0 0 1 1 *", cacheSetting,
            "--port", port, "--LocalHost:PaymentVaultStandIn=true", $"--PaymentVault:BaseUrl=http://127.0.0.1:{port}/local-vault/");
    }

    /// <summary>An Owner key of <paramref name="org"/>, used once so its one-time lastUsedAt write is behind it.</summary>
    public async Task<string> WarmKeyAsync(OrgRecord org)
    {
        await new BulkTreeBuilder(Orgs).SystemRolesAsync(org);
        var key = await Orgs.Trees.KeyAsync(org, SystemRoles.OwnerId);
        await HttpAnswer.SendAsync(App, AppHost.Request(HttpMethod.Get, $"api/orgs/{org.Org.Id}", key));
        return key;
    }

    /// <summary>Sends one request and returns its answer with the storage requests it caused (and only those).</summary>
    public Task<(HttpAnswer Answer, IReadOnlyList<StorageRequest> Requests)> MeasureAsync(HttpRequestMessage request) =>
        MeasureAsync(App, request);

    /// <summary>As <see cref="MeasureAsync(HttpRequestMessage)"/>, on <paramref name="app"/>.</summary>
    public async Task<(HttpAnswer Answer, IReadOnlyList<StorageRequest> Requests)> MeasureAsync(AppHost app, HttpRequestMessage request)
    {
        var log = app == App ? Log : _warmLog;
        log.Reset();
        var answer = await HttpAnswer.SendAsync(app, request);
        return (answer, log.Requests);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (_warmApp is not null)
        {
            await (await _warmApp).DisposeAsync();
        }
        _server?.Dispose();
    }
}
