using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>An org the provisioning orchestration hasn't activated yet: changing it is a 409, and no route answers it with a 500.</summary>
public class ProvisioningOrgTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task PatchingAnOrgThatIsStillProvisioningIs409AndChangesNothing()
    {
        // A frozen clock: the key's lastUsedAt is written on its first use (the GET) and never again, so the snapshots hold still.
        await using var app = await AppHost.StartAsync(azurite, (services, _) => services.AddSingleton<TimeProvider>(new FrozenClock(DateTimeOffset.UtcNow)));
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var provisioning = await ProvisioningChildAsync(orgs, root);
        var read = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{provisioning.Id}", signup.ApiKey.Secret));
        Assert.Equal("provisioning", read.Json.GetProperty("status").GetString());
        var before = await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value);

        var answer = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{provisioning.Id}", signup.ApiKey.Secret,
            new { name = "Renamed", description = "Too early" }));

        Assert.True(answer.Status == HttpStatusCode.Conflict, answer.ToString());
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("https://orgfunctions.dev/problems/conflict", answer.Json.GetProperty("type").GetString());
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value));
    }

    /// <summary>A sub-org as the orchestration's first step leaves it: stored, name reserved, still provisioning.</summary>
    private static async Task<Org> ProvisioningChildAsync(OrgApp orgs, OrgRecord parent)
    {
        var now = DateTimeOffset.UtcNow;
        var org = Org.CreateChild(parent.Org, OrgId.New(), OrgName.Create("Provisioning " + Guid.NewGuid().ToString("N")[..8]), null, now);
        await orgs.Tables.Index.UpsertEntityAsync(OrgRow.Index(org), TableUpdateMode.Replace);
        await orgs.Tables.Orgs.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, OrgRow.Create(org, OrgSettings.ForChildOf(parent.Settings, parent.Org.Id, null), now)),
            new TableTransactionAction(TableTransactionActionType.Add, OrgRow.NameReservation(org)),
        ]);
        return org;
    }

    [Fact]
    public async Task NoRouteAnswersA500ForAnOrgStillProvisioning()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var provisioning = await ProvisioningChildAsync(orgs, root);
        var target = new RouteTarget(provisioning.Id.Value, "role_none", "key_none");

        var failures = new List<string>();
        foreach (var route in OrgRoutes.Orgs.Concat(OrgRoutes.Features))
        {
            var answer = await HttpAnswer.SendAsync(app, route.Request(target, signup.ApiKey.Secret));
            if ((int)answer.Status >= 500)
            {
                failures.Add($"{route}: {answer}");
            }
        }
        Assert.Empty(failures);
    }
}
