using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Users;
using OrgFunctions.Workspaces;

namespace OrgFunctions.Tests.Workspaces;

/// <summary>
/// Workspace changes that race, held at the transaction by a <see cref="BatchGate"/> on the app's storage client so that
/// both sides read the same versions first: the rule each guards holds whoever commits first.
/// </summary>
public sealed class WorkspaceConcurrencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _orgs = new(azurite);

    [Fact]
    public async Task OfTwoDeletesOfAnOrgsLastTwoWorkspacesThatReadTogetherExactlyOneWinsEveryRound()
    {
        var gate = new BatchGate();
        await using var app = await StartWithAsync(gate);
        var (orgId, key) = await app.SignUpAsync();
        var survivor = "default";

        for (var round = 0; round < 4; round++)
        {
            var created = await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/workspaces", key, new { name = $"Round {round}" });
            Assert.Equal(HttpStatusCode.Created, created.Status);
            var ids = new[] { survivor, created.Json.GetProperty("id").GetString()! };

            gate.HoldNext(2);
            var answers = await Task.WhenAll(ids.Select(id => Send(app, HttpMethod.Delete, $"api/orgs/{orgId}/workspaces/{id}", key)));

            Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], answers.Select(a => a.Status).Order());
            survivor = ids[Array.FindIndex(answers, a => a.Status == HttpStatusCode.Conflict)];
            var left = Assert.Single((await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/workspaces", key)).Json.GetProperty("items").EnumerateArray());
            Assert.Equal(survivor, left.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task GivingAccessAndRemovingTheUserFromTheOrgCantBothWin()
    {
        var gate = new BatchGate();
        await using var app = await StartWithAsync(gate);
        var (root, _) = await _orgs.Trees.RootAsync();
        var key = await _orgs.Trees.KeyAsync(root);
        var path = root.Org.Path;
        var partition = path.RootId.Value;
        var member = await new MemberBuilder(app.Services).AddAsync(path);
        Assert.Equal(HttpStatusCode.OK, (await Send(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/workspaces", key)).Status);
        var membership = (await _orgs.Get<MembershipStore>().GetAsync(path, member.UserId, default))!;
        var tables = app.Services.GetRequiredService<OrgTables>(); // the gated client

        gate.HoldNext(2);
        var put = Send(app, HttpMethod.Put, $"api/orgs/{root.Org.Id}/workspaces/default/members/{member.UserId}", key, new { accessLevel = "owner" });
        var removal = RemoveAsync(tables, partition, path, member.UserId, membership.ETag);
        var (added, removed) = (await put, await removal);

        Assert.True(added.Status == HttpStatusCode.Created ^ removed, $"add: {added}, removal applied: {removed}");
        var accessRows = await RowsAsync(partition, RowKeys.WorkspaceMember(path.OrgId, "default", member.UserId),
            RowKeys.UserWorkspace(path.OrgId, member.UserId, "default"));
        var membershipRow = await RowsAsync(partition, RowKeys.Member(path, member.UserId));
        Assert.Equal(removed ? (0, 0) : (2, 1), (accessRows, membershipRow));
    }

    [Fact]
    public async Task GivingAccessAndDeletingTheWorkspaceCantBothWin()
    {
        var gate = new BatchGate();
        await using var app = await StartWithAsync(gate);
        var (root, _) = await _orgs.Trees.RootAsync();
        var key = await _orgs.Trees.KeyAsync(root);
        var path = root.Org.Path;
        var member = await new MemberBuilder(app.Services).AddAsync(path);
        var created = await Send(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/workspaces", key, new { name = "Contested" });
        var workspaceId = created.Json.GetProperty("id").GetString()!;

        gate.HoldNext(2);
        var answers = await Task.WhenAll(
            Send(app, HttpMethod.Put, $"api/orgs/{root.Org.Id}/workspaces/{workspaceId}/members/{member.UserId}", key, new { accessLevel = "agent" }),
            Send(app, HttpMethod.Delete, $"api/orgs/{root.Org.Id}/workspaces/{workspaceId}", key));

        Assert.Single(answers, a => a.Status is HttpStatusCode.Created or HttpStatusCode.NoContent);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
        var deleted = answers[1].Status == HttpStatusCode.NoContent;
        var accessRows = await RowsAsync(path.RootId.Value, RowKeys.WorkspaceMember(path.OrgId, workspaceId, member.UserId),
            RowKeys.UserWorkspace(path.OrgId, member.UserId, workspaceId), RowKeys.Workspace(path.OrgId, workspaceId));
        Assert.Equal(deleted ? 0 : 3, accessRows);
    }

    /// <summary>What the removal of a user from an org does: the membership under the ETag it read, and their workspace access.</summary>
    private static async Task<bool> RemoveAsync(OrgTables tables, string partition, Domain.Orgs.OrgPath path, string userId, ETag etag)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.Member(path, userId)), etag),
        };
        actions.AddRange(await new WorkspaceAccess(tables).RemovalActionsAsync(path, userId, default));
        try
        {
            await tables.Orgs.SubmitTransactionAsync(actions);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private async Task<int> RowsAsync(string partition, params string[] rowKeys)
    {
        var found = 0;
        foreach (var rowKey in rowKeys)
        {
            found += (await _orgs.Tables.Orgs.GetEntityIfExistsAsync<TableEntity>(partition, rowKey)).HasValue ? 1 : 0;
        }
        return found;
    }

    private Task<AppHost> StartWithAsync(Azure.Core.Pipeline.HttpPipelinePolicy policy)
    {
        var options = new TableClientOptions();
        options.AddPolicy(policy, Azure.Core.HttpPipelinePosition.PerCall);
        return AppHost.StartAsync(azurite, (services, _) => services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options)));
    }

    private static Task<HttpAnswer> Send(AppHost app, HttpMethod method, string path, string key, object? body = null) =>
        HttpAnswer.SendAsync(app, AppHost.Request(method, path, key, body));
}
