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
/// and never again: the counts are the steady-state cost of each route.
/// </summary>
public sealed class StorageCostFixture : IAsyncLifetime
{
    public const int TreeSize = 1000;

    public StorageRequestLog Log { get; } = new();
    public AppHost App { get; private set; } = null!;
    public OrgApp Orgs { get; private set; } = null!;
    public GeneratedTree Tree { get; private set; } = null!;

    private AzuriteServer? _server;

    public async Task InitializeAsync()
    {
        // A server of its own: other tests' hosts share the webhook delivery queue and the pending-tree marks, and a
        // delivery or fan-out this host picked up from them would be counted as a route's cost.
        _server = AzuriteServer.Start();
        var azurite = AzuriteFixture.Over(_server);
        var options = new TableClientOptions();
        options.AddPolicy(Log, Azure.Core.HttpPipelinePosition.PerCall);
        var clock = new FrozenClock(DateTimeOffset.UtcNow);
        // The payment vault is the local host's stand-in on the app's own port: it keeps nothing, so it adds no storage request.
        var port = Testing.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        App = await AppHost.StartAsync(azurite, (services, _) =>
        {
            services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options));
            services.AddSingleton<TimeProvider>(clock);
            // Its own timers too: the fan-out (every 5 s) and the file-drop scan (every minute) run once a year here, not mid-measurement.
        }, "--Webhooks:FanOutSchedule=0 0 0 1 1 *", "--FileDropsSchedule=0 0 0 1 1 *", "--port", port,
            "--LocalHost:PaymentVaultStandIn=true", $"--PaymentVault:BaseUrl=http://127.0.0.1:{port}/local-vault/");
        Orgs = new OrgApp(azurite);
        Tree = await new BulkTreeBuilder(Orgs).TreeAsync(depth: 4, branching: 6, maxOrgs: TreeSize);
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
    public async Task<(HttpAnswer Answer, IReadOnlyList<StorageRequest> Requests)> MeasureAsync(HttpRequestMessage request)
    {
        Log.Reset();
        var answer = await HttpAnswer.SendAsync(App, request);
        return (answer, Log.Requests);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _server?.Dispose();
    }
}
