using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Workspaces;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Workspaces;

namespace OrgFunctions.Tests.Workspaces;

/// <summary>Removing a user from an org removes their workspace access there, and only there.</summary>
public sealed class WorkspaceAccessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task RemovalActionsDeleteExactlyThatUsersAccessRowsInThatOrg()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root);
        var members = new MemberBuilder(_app.Services);
        var leaving = await members.AddAsync(child.Org.Path);
        await members.JoinAsync(leaving, root.Org.Path);
        var staying = await members.AddAsync(child.Org.Path);
        var childScope = await ScopeAsync(child);
        var rootScope = await ScopeAsync(root);
        var childDesks = new[] { await WorkspaceAsync(childScope, "Desk A"), await WorkspaceAsync(childScope, "Desk B") };
        foreach (var desk in childDesks)
        {
            await GiveAsync(childScope, desk, leaving.UserId);
            await GiveAsync(childScope, desk, staying.UserId);
        }
        await GiveAsync(rootScope, "default", leaving.UserId);
        var partition = root.Org.Path.RootId.Value;
        var before = await AccessRowsAsync(partition);

        var actions = await _app.Get<WorkspaceAccess>().RemovalActionsAsync(child.Org.Path, leaving.UserId, default);
        await _app.Tables.Orgs.SubmitTransactionAsync(actions);

        var removed = before.Except(await AccessRowsAsync(partition)).Order(StringComparer.Ordinal).ToList();
        var expected = childDesks.SelectMany(desk => new[]
        {
            RowKeys.WorkspaceMember(child.Org.Id, desk, leaving.UserId),
            RowKeys.UserWorkspace(child.Org.Id, leaving.UserId, desk),
        }).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, removed);
        Assert.Equal(4, actions.Count);
        Assert.Equal(10 - 4, (await AccessRowsAsync(partition)).Count);
        Assert.Empty(await _app.Get<WorkspaceAccess>().RemovalActionsAsync(child.Org.Path, leaving.UserId, default));
    }

    [Fact]
    public async Task AUserWithoutWorkspaceAccessHasNoRemovalActions()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var member = await new MemberBuilder(_app.Services).AddAsync(root.Org.Path);

        Assert.Empty(await _app.Get<WorkspaceAccess>().RemovalActionsAsync(root.Org.Path, member.UserId, default));
    }

    private async Task<OrgScope> ScopeAsync(OrgRecord org) =>
        (await _app.ScopeAsync(OrgTreeBuilder.CallerIn(org), org.Org.Id.Value, Permission.UsersManage)).Value!;

    private async Task<string> WorkspaceAsync(OrgScope scope, string name)
    {
        var created = await _app.Get<WorkspaceService>().CreateAsync(scope, new WorkspaceRequest(WorkspaceName.Create(name), null), default);
        return created.Value!.Workspace.Id;
    }

    private async Task GiveAsync(OrgScope scope, string workspaceId, string userId)
    {
        var given = await _app.Get<WorkspaceMemberService>().PutAsync(scope, workspaceId, userId, AccessLevel.Agent, default);
        Assert.Null(given.Failure);
        Assert.True(given.Value!.Created);
    }

    private async Task<List<string>> AccessRowsAsync(string partition)
    {
        var keys = new List<string>();
        await foreach (var row in _app.Tables.Orgs.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge 'wsm:' and RowKey lt 'wsv'"), select: ["RowKey"]))
        {
            keys.Add(row.RowKey);
        }
        return keys.Where(k => k.StartsWith("wsm:", StringComparison.Ordinal) || k.StartsWith("wsu:", StringComparison.Ordinal)).ToList();
    }
}
