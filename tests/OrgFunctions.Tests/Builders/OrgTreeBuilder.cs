using Azure.Data.Tables;
using OrgFunctions.ApiKeys;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.ApiKeys;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Orgs;
using OrgFunctions.Roles;
using OrgFunctions.Signup;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// Arranges trees for tests: roots through sign-up, sub-orgs written straight to storage (provisioning is another
/// feature's job), and callers or API keys with a chosen role.
/// </summary>
public sealed class OrgTreeBuilder(OrgApp app)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>Every root's owner has this password, so that sign-up queues no set-password email in the tree.</summary>
    public const string OwnerPassword = "owner passphrase of the builder";

    public async Task<(OrgRecord Root, SignupResult Signup)> RootAsync(string? name = null)
    {
        var request = new SignupRequest(OrgName.Create(name ?? "Root " + Guid.NewGuid().ToString("N")[..8]),
            $"owner-{Guid.NewGuid():N}@example.com", "Owner", OwnerPassword);
        var result = await app.Get<SignupService>().SignUpAsync(request, default);
        var root = await app.Get<OrgStore>().GetAsync(Locate(OrgPath.Root(OrgId.Parse(result.Value!.Org.Id))), default);
        return (root!, result.Value!);
    }

    public async Task<OrgRecord> ChildAsync(OrgRecord parent, string? name = null, IReadOnlyDictionary<string, object?>? overrides = null)
    {
        var org = Org.CreateChild(parent.Org, OrgId.New(), OrgName.Create(name ?? "Org " + Guid.NewGuid().ToString("N")[..8]), null, Now);
        org.Activate();
        var settings = OrgSettings.ForChildOf(parent.Settings, parent.Org.Id, overrides);
        await app.Tables.Index.UpsertEntityAsync(OrgRow.Index(org), TableUpdateMode.Replace);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, OrgRow.Create(org, settings, Now)),
            new(TableTransactionActionType.Add, OrgRow.NameReservation(org)),
        };
        actions.AddRange(SystemRoles.Create().Select(r => new TableTransactionAction(TableTransactionActionType.Add, RoleRow.Create(org.Path, r))));
        await app.Tables.Orgs.SubmitTransactionAsync(actions);
        return (await app.Get<OrgStore>().GetAsync(Locate(org.Path), default))!;
    }

    /// <summary>A tree <paramref name="depth"/> levels below the root, <paramref name="branching"/> children per org.</summary>
    public async Task<(OrgRecord Root, List<OrgRecord> All)> TreeAsync(int depth, int branching)
    {
        var (root, _) = await RootAsync();
        var all = new List<OrgRecord> { root };
        var level = new List<OrgRecord> { root };
        for (var d = 0; d < depth; d++)
        {
            var next = new List<OrgRecord>();
            foreach (var parent in level)
            {
                for (var b = 0; b < branching; b++)
                {
                    next.Add(await ChildAsync(parent));
                }
            }
            all.AddRange(next);
            level = next;
        }
        return (root, all);
    }

    public async Task<OrgRecord> ReloadAsync(OrgRecord record) =>
        (await app.Get<OrgStore>().GetAsync(Locate(record.Org.Path), default, includeDeleted: true))!;

    public static Caller CallerIn(OrgRecord org, string roleId = SystemRoles.OwnerId) =>
        new("test-key", org.Org.Path, SystemRoles.Create().Single(r => r.Id == roleId));

    /// <summary>An API key of <paramref name="org"/> with a system role, written straight to storage; returns its token.</summary>
    public async Task<string> KeyAsync(OrgRecord org, string roleId = SystemRoles.OwnerId)
    {
        var (key, secret) = ApiKey.Issue(org.Org.Id, "test", roleId, Now);
        await app.Tables.Index.UpsertEntityAsync(ApiKeyRow.Index(org.Org.Path, key.Id), TableUpdateMode.Replace);
        await app.Tables.Orgs.AddEntityAsync(ApiKeyRow.Create(org.Org.Path, key));
        return secret.Token;
    }

    /// <summary>A custom role of <paramref name="org"/> (with its name reservation), written straight to storage; returns its id.</summary>
    public async Task<string> CustomRoleAsync(OrgRecord org, IEnumerable<string> permissions, string? name = null)
    {
        var role = Role.Custom("role_" + Guid.NewGuid().ToString("N")[..20], RoleName.Create(name ?? "Custom " + Guid.NewGuid().ToString("N")[..8]),
            permissions.ToList());
        var partition = org.Org.Path.RootId.Value;
        await app.Tables.Orgs.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, RoleRow.Create(org.Org.Path, role)),
            new(TableTransactionActionType.Add, new TableEntity(partition, OrgFunctions.Storage.RowKeys.RoleName(org.Org.Id, role.Name))
                { ["Kind"] = "rolename", ["RoleId"] = role.Id }),
        ]);
        return role.Id;
    }

    /// <summary>The key id inside an API key's token.</summary>
    public static string KeyIdOf(string token) =>
        ApiKeySecret.TryParse(token, out var parsed) ? parsed.KeyId : throw new ArgumentException("Not an API key token.", nameof(token));

    public static OrgLocation Locate(OrgPath path) => new(path.OrgId, path);
}
