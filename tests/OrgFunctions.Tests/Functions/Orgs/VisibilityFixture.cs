using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// Three generated trees (depth 5, 3 children per org: 364 orgs each) and the app over HTTP, built once for the
/// visibility tests. Callers: an Owner key at every depth of one path down tree A, one in a sibling subtree of that
/// path, and one in tree B.
/// </summary>
public sealed class VisibilityFixture : IAsyncLifetime
{
    public const int Depth = 5;
    public const int Branching = 3;

    public AppHost App { get; private set; } = null!;
    public OrgApp Orgs { get; private set; } = null!;
    public BulkTreeBuilder Bulk { get; private set; } = null!;
    public IReadOnlyList<GeneratedTree> Trees { get; private set; } = [];
    public GeneratedTree A => Trees[0];
    public GeneratedTree B => Trees[1];

    /// <summary>Tree A's path through the first child at each level, root first.</summary>
    public IReadOnlyList<OrgRecord> Path { get; private set; } = [];
    public IReadOnlyList<(OrgRecord Org, GeneratedTree Tree, string Key)> Callers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var azurite = new AzuriteFixture();
        App = await AppHost.StartAsync(azurite);
        Orgs = new OrgApp(azurite);
        Bulk = new BulkTreeBuilder(Orgs);
        var trees = new List<GeneratedTree>();
        for (var i = 0; i < 3; i++)
        {
            trees.Add(await Bulk.TreeAsync(Depth, Branching));
        }
        Trees = trees;
        Path = A.PathDown(0);

        var callers = new List<(OrgRecord, GeneratedTree, string)>();
        foreach (var org in Path.Append(A.PathDown(1)[2]).Append(B.PathDown(2)[2]))
        {
            var tree = Trees.Single(t => t.Root.Org.Id == org.Org.Path.RootId);
            callers.Add((org, tree, await KeyAsync(org)));
        }
        Callers = callers;
    }

    /// <summary>An Owner key of <paramref name="org"/> (writing the org's system roles first).</summary>
    public async Task<string> KeyAsync(OrgRecord org, string roleId = SystemRoles.OwnerId)
    {
        await Bulk.SystemRolesAsync(org);
        return await Orgs.Trees.KeyAsync(org, roleId);
    }

    /// <summary>
    /// Gives <paramref name="org"/> what every route needs: system roles, a custom role and a key to revoke, a template,
    /// a webhook subscription with a delivery, and a provisioning started under it.
    /// </summary>
    public async Task<RouteTarget> TargetAsync(OrgRecord org, OrgRecord caller, bool hasChildren)
    {
        await Bulk.SystemRolesAsync(org);
        var roleId = await Orgs.Trees.CustomRoleAsync(org, [Permission.OrgsRead]);
        var keyId = OrgTreeBuilder.KeyIdOf(await Orgs.Trees.KeyAsync(org, SystemRoles.MemberId));
        return await new RouteTarget(org.Org.Id.Value, roleId, keyId, org.Org.Id == caller.Org.Id, org.Org.Path.IsRoot, hasChildren)
            .WithFeaturesAsync(App, Orgs, org, await KeyAsync(org));
    }

    public static RouteTarget Missing() => new(OrgId.New().Value, "role_missing", "missingkey");

    public async Task DisposeAsync() => await App.DisposeAsync();
}
