using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>PATCH /api/orgs/{id}: the fields present change, <c>description: null</c> clears it, absent fields stay.</summary>
public class OrgPatchTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ANullDescriptionClearsItAndAnAbsentOneStays()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        var described = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, new { description = "Sales" }));
        var renamed = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, """{"name":"Acme Sales"}"""));
        var cleared = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, """{"description":null}"""));

        Assert.Equal("Sales", described.Json.GetProperty("description").GetString());
        Assert.Equal(("Acme Sales", "Sales"), (renamed.Json.GetProperty("name").GetString(), renamed.Json.GetProperty("description").GetString()));
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.Equal(JsonValueKind.Null, cleared.Json.GetProperty("description").ValueKind);
        Assert.Equal("Acme Sales", cleared.Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ALongNameInAThreeByteScriptIsStoredAndStillUniqueInTheTree()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var first = await orgs.Trees.ChildAsync(root);
        var second = await orgs.Trees.ChildAsync(root);
        var key = signup.ApiKey.Secret;
        var name = new string('名', 200); // 600 bytes of UTF-8: its hex alone is over a key's 1 KiB

        var renamed = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{first.Org.Id}", key, new { name }));
        var clash = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{second.Org.Id}", key, new { name }));
        var role = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{first.Org.Id}/roles", key,
            new { name = new string('役', 100), permissions = new[] { "orgs.read" } }));

        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal(name, renamed.Json.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, clash.Status);
        Assert.True(clash.Json.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.Created, role.Status);
    }

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
}
