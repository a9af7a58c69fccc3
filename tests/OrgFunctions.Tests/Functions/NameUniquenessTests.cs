using System.Net;
using System.Text;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Roles;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

/// <summary>
/// Org names (per tree) and role names (per org) are unique after NFC, case folding and removal of default-ignorable
/// characters (ADR 0013): a look-alike gets the same answer as an exact duplicate. Names are stored as written, in NFC.
/// Reservations written before ADR 0013 (keyed by the name upper-cased as stored) still block their name and are released.
/// </summary>
public class NameUniquenessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("Café", "Cafe\u0301")]
    [InlineData("Cafe\u0301", "CAFÉ")]
    [InlineData("Dupx", "D\u200Bupx")]
    [InlineData("D\u200Bupx", "\uFEFFdupx")]
    public async Task ALookAlikeOrgNameInTheSameTreeGetsTheExactDuplicatesAnswer(string taken, string lookAlike)
    {
        await using var scene = await SceneAsync();
        await scene.Orgs.Trees.ChildAsync(scene.Root, taken);
        var other = await scene.Orgs.Trees.ChildAsync(scene.Root);

        var exact = await scene.SendAsync(HttpMethod.Patch, $"api/orgs/{other.Org.Id}", Json.Name(taken));
        var variant = await scene.SendAsync(HttpMethod.Patch, $"api/orgs/{other.Org.Id}", Json.Name(lookAlike));

        AssertRefusedAlike(exact, variant);
    }

    [Theory]
    [InlineData("Café", "Cafe\u0301")]
    [InlineData("Dupx", "D\u200Bupx")]
    [InlineData("Ops", "O\u00ADps")]
    public async Task ALookAlikeRoleNameInTheSameOrgGetsTheExactDuplicatesAnswer(string taken, string lookAlike)
    {
        await using var scene = await SceneAsync();
        var roles = $"api/orgs/{scene.Root.Org.Id}/roles";
        Assert.Equal(HttpStatusCode.Created, (await scene.SendAsync(HttpMethod.Post, roles, Json.Role(taken))).Status);

        var exact = await scene.SendAsync(HttpMethod.Post, roles, Json.Role(taken));
        var variant = await scene.SendAsync(HttpMethod.Post, roles, Json.Role(lookAlike));

        AssertRefusedAlike(exact, variant);
    }

    [Fact]
    public async Task ALookAlikeOfASystemRoleNameIsRefusedAsTheSystemNameIs()
    {
        await using var scene = await SceneAsync();
        var roles = $"api/orgs/{scene.Root.Org.Id}/roles";

        AssertRefusedAlike(await scene.SendAsync(HttpMethod.Post, roles, Json.Role("Owner")),
            await scene.SendAsync(HttpMethod.Post, roles, Json.Role("Own\u200Ber")));
    }

    [Fact]
    public async Task NamesAreStoredInNfcAsWritten()
    {
        await using var scene = await SceneAsync();
        var child = await scene.Orgs.Trees.ChildAsync(scene.Root);

        var org = await scene.SendAsync(HttpMethod.Patch, $"api/orgs/{child.Org.Id}", Json.Name("Cafe\u0301 D\u200Bupx"));
        var role = await scene.SendAsync(HttpMethod.Post, $"api/orgs/{child.Org.Id}/roles", Json.Role("Zoe\u0308"));

        Assert.Equal("Café D\u200Bupx", org.Json.GetProperty("name").GetString());
        Assert.Equal("Zoë", role.Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ALegacyOrgNameReservationStillBlocksItsNameAndIsReleasedOnRenameAndDelete()
    {
        await using var scene = await SceneAsync();
        var taken = await scene.Orgs.Trees.ChildAsync(scene.Root, "Taken");
        var other = await scene.Orgs.Trees.ChildAsync(scene.Root);
        var renamed = await LegacyOrgAsync(scene, "Cafe\u0301");
        var deleted = await LegacyOrgAsync(scene, "D\u200Bupx");
        var exact = await scene.SendAsync(HttpMethod.Patch, $"api/orgs/{other.Org.Id}", Json.Name(taken.Org.Name.Value));

        // Blocks: the same name, typed as it was then, is a duplicate.
        AssertRefusedAlike(exact, await scene.SendAsync(HttpMethod.Patch, $"api/orgs/{other.Org.Id}", Json.Name("Cafe\u0301")));
        AssertRefusedAlike(exact, await scene.SendAsync(HttpMethod.Patch, $"api/orgs/{other.Org.Id}", Json.Name("d\u200Bupx")));

        // Released on rename and on delete: the legacy rows are gone and the names are free again.
        Assert.Equal(HttpStatusCode.OK, (await scene.SendAsync(HttpMethod.Patch, $"api/orgs/{renamed.Id}", Json.Name("Renamed"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await scene.SendAsync(HttpMethod.Delete, $"api/orgs/{deleted.Id}", null)).Status);
        Assert.False(await scene.RowExistsAsync(LegacyOrgKey("Cafe\u0301")));
        Assert.False(await scene.RowExistsAsync(LegacyOrgKey("D\u200Bupx")));
        Assert.True(await scene.RowExistsAsync(RowKeys.Name(OrgName.Create("Renamed"))));
        Assert.Equal(HttpStatusCode.OK, (await scene.SendAsync(HttpMethod.Patch, $"api/orgs/{other.Org.Id}", Json.Name("Café"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await scene.SendAsync(HttpMethod.Patch, $"api/orgs/{taken.Org.Id}", Json.Name("Dupx"))).Status);
    }

    [Fact]
    public async Task ALegacyRoleNameReservationStillBlocksItsNameAndIsReleasedOnRenameAndDelete()
    {
        await using var scene = await SceneAsync();
        var org = scene.Root.Org;
        var renamed = await LegacyRoleAsync(scene, "Cafe\u0301");
        var deleted = await LegacyRoleAsync(scene, "O\u200Bps");
        var roles = $"api/orgs/{org.Id}/roles";
        Assert.Equal(HttpStatusCode.Created, (await scene.SendAsync(HttpMethod.Post, roles, Json.Role("Taken"))).Status);
        var exact = await scene.SendAsync(HttpMethod.Post, roles, Json.Role("Taken"));

        AssertRefusedAlike(exact, await scene.SendAsync(HttpMethod.Post, roles, Json.Role("cafe\u0301")));
        AssertRefusedAlike(exact, await scene.SendAsync(HttpMethod.Post, roles, Json.Role("O\u200Bps")));

        Assert.Equal(HttpStatusCode.OK, (await scene.SendAsync(HttpMethod.Put, $"{roles}/{renamed}", Json.Role("Renamed"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await scene.SendAsync(HttpMethod.Delete, $"{roles}/{deleted}", null)).Status);
        Assert.False(await scene.RowExistsAsync(LegacyRoleKey(org.Id, "Cafe\u0301")));
        Assert.False(await scene.RowExistsAsync(LegacyRoleKey(org.Id, "O\u200Bps")));
        Assert.Equal(HttpStatusCode.Created, (await scene.SendAsync(HttpMethod.Post, roles, Json.Role("Café"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await scene.SendAsync(HttpMethod.Post, roles, Json.Role("Ops"))).Status);
    }

    private static void AssertRefusedAlike(HttpAnswer exact, HttpAnswer variant)
    {
        Assert.True(exact.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, exact.ToString());
        Assert.True(exact.Status == variant.Status, $"exact: {exact}; look-alike: {variant}");
        Assert.Equal(exact.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name),
            variant.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    // The key form before ADR 0013, spelled out here so the test doesn't depend on the code it checks.
    private static string LegacyOrgKey(string storedName) =>
        "name:" + Convert.ToHexString(Encoding.UTF8.GetBytes(storedName.ToUpperInvariant()));

    private static string LegacyRoleKey(OrgId orgId, string storedName) =>
        $"rname:{orgId}:" + Convert.ToHexString(Encoding.UTF8.GetBytes(storedName.ToUpperInvariant()));

    /// <summary>An org written as the code before ADR 0013 wrote it: its name stored as typed (not NFC), reserved in the legacy form.</summary>
    private static async Task<Org> LegacyOrgAsync(Scene scene, string storedName)
    {
        var org = Org.CreateChild(scene.Root.Org, OrgId.New(), OrgName.Restore(storedName), null, DateTimeOffset.UtcNow);
        org.Activate();
        await scene.Orgs.Tables.Index.UpsertEntityAsync(OrgRow.Index(org), TableUpdateMode.Replace);
        var partition = org.Path.RootId.Value;
        await scene.Orgs.Tables.Orgs.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, OrgRow.Create(org, scene.Root.Settings, DateTimeOffset.UtcNow)),
            new(TableTransactionActionType.Add, new TableEntity(partition, LegacyOrgKey(storedName)) { ["Kind"] = "name", ["OrgId"] = org.Id.Value }),
            .. SystemRoles.Create().Select(r => new TableTransactionAction(TableTransactionActionType.Add, RoleRow.Create(org.Path, r))),
        ]);
        return org;
    }

    /// <summary>A custom role of the root written as before ADR 0013: name as typed, reserved in the legacy form.</summary>
    private static async Task<string> LegacyRoleAsync(Scene scene, string storedName)
    {
        var path = scene.Root.Org.Path;
        var role = Role.Restore("role_" + Guid.NewGuid().ToString("N")[..20], storedName, [Permission.OrgsRead], isSystem: false);
        await scene.Orgs.Tables.Orgs.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, RoleRow.Create(path, role)),
            new(TableTransactionActionType.Add, new TableEntity(path.RootId.Value, LegacyRoleKey(path.OrgId, storedName))
                { ["Kind"] = "rolename", ["RoleId"] = role.Id }),
        ]);
        return role.Id;
    }

    private async Task<Scene> SceneAsync()
    {
        var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        return new Scene(app, orgs, root, signup.ApiKey.Secret);
    }

    private sealed record Scene(AppHost App, OrgApp Orgs, OrgRecord Root, string Key) : IAsyncDisposable
    {
        public Task<HttpAnswer> SendAsync(HttpMethod method, string path, string? body) =>
            HttpAnswer.SendAsync(App, AppHost.Request(method, path, Key, body));

        public async Task<bool> RowExistsAsync(string rowKey) =>
            (await Orgs.Tables.Orgs.GetEntityIfExistsAsync<TableEntity>(Root.Org.Path.RootId.Value, rowKey)).HasValue;

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static class Json
    {
        public static string Name(string name) => System.Text.Json.JsonSerializer.Serialize(new { name });

        public static string Role(string name) => System.Text.Json.JsonSerializer.Serialize(new { name, permissions = new[] { "orgs.read" } });
    }
}
