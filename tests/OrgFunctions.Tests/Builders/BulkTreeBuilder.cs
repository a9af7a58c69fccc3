using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Orgs;
using OrgFunctions.Roles;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// Big trees, fast: a root through sign-up, then every sub-org written straight to the tree's partition in
/// transactions of up to 100 actions (org row + name row per org). Sub-orgs get no roles; give them the system
/// roles with <see cref="SystemRolesAsync"/> where a test needs them (a key's org, a role route's target).
/// </summary>
public sealed class BulkTreeBuilder(OrgApp app)
{
    private const int OrgsPerTransaction = 50;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>A full tree <paramref name="depth"/> levels below the root, <paramref name="branching"/> children per org,
    /// breadth-first, stopping at <paramref name="maxOrgs"/> orgs (root included) when given.</summary>
    public async Task<GeneratedTree> TreeAsync(int depth, int branching, int? maxOrgs = null)
    {
        var (root, signup) = await app.Trees.RootAsync();
        var all = new List<OrgRecord> { root };
        var level = new List<OrgRecord> { root };
        for (var d = 0; d < depth && (maxOrgs is null || all.Count < maxOrgs); d++)
        {
            var next = new List<OrgRecord>();
            foreach (var parent in level)
            {
                for (var b = 0; b < branching && (maxOrgs is null || all.Count + next.Count < maxOrgs); b++)
                {
                    var org = Org.CreateChild(parent.Org, OrgId.New(), OrgName.Create($"Org {d + 1}-{all.Count + next.Count}"), null, Now);
                    org.Activate();
                    next.Add(new OrgRecord(org, OrgSettings.ForChildOf(parent.Settings, parent.Org.Id), Now, default));
                }
            }
            all.AddRange(next);
            level = next;
        }
        await WriteAsync(all.Skip(1).ToList());
        return new GeneratedTree(all, signup.ApiKey.Secret);
    }

    /// <summary>Writes the system roles of an org written without them (idempotent).</summary>
    public async Task SystemRolesAsync(OrgRecord org) =>
        await app.Tables.Orgs.SubmitTransactionAsync(SystemRoles.Create().Select(r =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, RoleRow.Create(org.Org.Path, r))));

    private async Task WriteAsync(IReadOnlyList<OrgRecord> orgs)
    {
        await Parallel.ForEachAsync(orgs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (org, ct) =>
            await app.Tables.Index.UpsertEntityAsync(OrgRow.Index(org.Org), TableUpdateMode.Replace, ct));
        foreach (var batch in orgs.Chunk(OrgsPerTransaction))
        {
            await app.Tables.Orgs.SubmitTransactionAsync(batch.SelectMany(o => new[]
            {
                new TableTransactionAction(TableTransactionActionType.Add, OrgRow.Create(o.Org, o.Settings, Now)),
                new TableTransactionAction(TableTransactionActionType.Add, OrgRow.NameReservation(o.Org)),
            }));
        }
    }
}

/// <summary>A generated tree: its orgs breadth-first (root first), the owner's key of its root, and the relations tests ask about.</summary>
public sealed class GeneratedTree(IReadOnlyList<OrgRecord> all, string ownerKey)
{
    public string OwnerKey { get; } = ownerKey;

    private readonly Dictionary<OrgId, List<OrgRecord>> _children = all.Skip(1)
        .GroupBy(o => o.Org.ParentId!.Value).ToDictionary(g => g.Key, g => g.ToList());

    public IReadOnlyList<OrgRecord> All { get; } = all;
    public OrgRecord Root => All[0];

    public IReadOnlyList<OrgRecord> ChildrenOf(OrgRecord org) => _children.GetValueOrDefault(org.Org.Id) ?? [];

    /// <summary>The org and everything below it, found by walking parent → children (not by path prefixes).</summary>
    public IEnumerable<OrgRecord> SubtreeOf(OrgRecord org)
    {
        yield return org;
        foreach (var child in ChildrenOf(org))
        {
            foreach (var below in SubtreeOf(child))
            {
                yield return below;
            }
        }
    }

    /// <summary>The path from the root down, taking the <paramref name="branch"/>-th child at each level.</summary>
    public IReadOnlyList<OrgRecord> PathDown(int branch)
    {
        var path = new List<OrgRecord> { Root };
        while (ChildrenOf(path[^1]) is { Count: > 0 } children)
        {
            path.Add(children[Math.Min(branch, children.Count - 1)]);
        }
        return path;
    }
}
