using Azure;
using OrgFunctions.Access;
using OrgFunctions.ApiKeys;
using OrgFunctions.Application;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Orgs;

public class OrgServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);
    private OrgService Service => _app.Get<OrgService>();

    [Fact]
    public async Task ASiblingIsNotFoundExactlyLikeAMissingId()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var a = await _app.Trees.ChildAsync(root);
        var b = await _app.Trees.ChildAsync(root);

        var sibling = await _app.ScopeAsync(OrgTreeBuilder.CallerIn(a), b.Org.Id.Value, Permission.OrgsRead);
        var missing = await _app.ScopeAsync(OrgTreeBuilder.CallerIn(a), OrgId.New().Value, Permission.OrgsRead);

        Assert.Equal(new Failure.NotFound("org"), sibling.Failure);
        Assert.Equal(missing.Failure, sibling.Failure);
    }

    [Fact]
    public async Task UpdateWithAStaleIfMatchIsAPreconditionFailureAndChangesNothing()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root);
        var caller = OrgTreeBuilder.CallerIn(root);
        await Service.UpdateAsync(new OrgScope(caller, child), new OrgPatch(OrgName.Create("First"), false, null), child.ETag, default);

        var stale = await Service.UpdateAsync(new OrgScope(caller, child), new OrgPatch(OrgName.Create("Second"), false, null), child.ETag, default);

        Assert.IsType<Failure.PreconditionFailed>(stale.Failure);
        Assert.Equal("First", (await _app.Trees.ReloadAsync(child)).Org.Name.Value);
    }

    [Fact]
    public async Task ConcurrentUpdatesWithoutIfMatchNeverLoseAWriteSilently()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root);
        var caller = OrgTreeBuilder.CallerIn(root);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Service.UpdateAsync(new OrgScope(caller, child), new OrgPatch(null, true, "writer " + i), null, default)));

        var winners = results.Where(r => r.Succeeded).Select(r => r.Value!.Org.Description).ToList();
        Assert.NotEmpty(winners);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.IsType<Failure.Conflict>(r.Failure));
        var final = await _app.Trees.ReloadAsync(child);
        // The stored value is one a caller was told succeeded; every other caller was told it failed.
        Assert.Contains(final.Org.Description, winners);
        var updates = (await OutboxReader.EventsAsync(_app, root.Org.Id.Value)).Count(e => e.Type == EventTypes.OrgUpdated);
        Assert.Equal(winners.Count, updates);
    }

    [Fact]
    public async Task RenamingToANameUsedInTheTreeIsRefusedCaseInsensitively()
    {
        var (root, _) = await _app.Trees.RootAsync();
        await _app.Trees.ChildAsync(root, "Dublin");
        var other = await _app.Trees.ChildAsync(root, "Cork");

        var result = await Service.UpdateAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), other),
            new OrgPatch(OrgName.Create("DUBLIN"), false, null), null, default);

        var invalid = Assert.IsType<Failure.Invalid>(result.Failure);
        Assert.Contains("name", invalid.Errors.ToDictionary().Keys);
        Assert.Equal("Cork", (await _app.Trees.ReloadAsync(other)).Org.Name.Value);
    }

    [Fact]
    public async Task DeletingAnOrgWithChildrenNeedsCascade()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root);
        await _app.Trees.ChildAsync(child);

        var refused = await Service.DeleteAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), child), cascade: false, default);

        Assert.IsType<Failure.Conflict>(refused.Failure);
        Assert.Equal(OrgStatus.Active, (await _app.Trees.ReloadAsync(child)).Org.Status);
    }

    [Fact]
    public async Task CascadeDeleteSoftDeletesTheSubtreeFreesNamesRevokesKeysAndEmitsEvents()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root, "Region");
        var grandchild = await _app.Trees.ChildAsync(child, "Branch");
        var token = await _app.Trees.KeyAsync(grandchild);

        var deleted = await Service.DeleteAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), child), cascade: true, default);

        Assert.True(deleted.Succeeded);
        Assert.Equal(OrgStatus.Deleted, (await _app.Trees.ReloadAsync(child)).Org.Status);
        Assert.Equal(OrgStatus.Deleted, (await _app.Trees.ReloadAsync(grandchild)).Org.Status);
        Assert.IsType<Failure.NotFound>((await _app.ScopeAsync(OrgTreeBuilder.CallerIn(root), child.Org.Id.Value, Permission.OrgsRead)).Failure);
        var listing = await Service.ListAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), root), false, PageRequest.First(OrgService.Paging), default);
        Assert.Empty(listing.Value!.Items);
        var events = await OutboxReader.EventsAsync(_app, root.Org.Id.Value);
        Assert.Equal(2, events.Count(e => e.Type == EventTypes.OrgDeleted));
        // The names are free again, and the deleted org's key no longer authenticates.
        await _app.Trees.ChildAsync(root, "Region");
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        request.Headers.Authorization = "Bearer " + token;
        Assert.Null(await _app.Get<OrgFunctions.Access.RequestAuthenticator>().AuthenticateAsync(request, default));
    }

    [Fact]
    public async Task ACascadeWithMoreKeysThanOneTransactionHoldsIsDeletedWhole()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var region = await _app.Trees.ChildAsync(root, "Region");
        var branches = new List<OrgRecord>();
        for (var i = 0; i < 25; i++)
        {
            branches.Add(await _app.Trees.ChildAsync(region, $"Branch {i}"));
        }
        // 25 branches with 4 keys each, and a region with more live keys than a transaction's 100 actions.
        await Task.WhenAll(branches.SelectMany(b => Enumerable.Range(0, 4).Select(_ => _app.Trees.KeyAsync(b))));
        for (var i = 0; i < 120; i += 20)
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _app.Trees.KeyAsync(region)));
        }

        var deleted = await Service.DeleteAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), region), cascade: true, default);

        Assert.True(deleted.Succeeded, deleted.Failure?.ToString());
        foreach (var org in branches.Append(region))
        {
            Assert.Equal(OrgStatus.Deleted, (await _app.Trees.ReloadAsync(org)).Org.Status);
        }
        var keys = (await OrgContentBuilder.RowsAsync<ApiKeyEntity>(_app.Tables, root.Org.Path, "key:"))
            .Where(row => !row.RowKey.StartsWith(OrgFunctions.Storage.RowKeys.KeyPrefix(root.Org.Id), StringComparison.Ordinal)).ToList();
        Assert.Equal(220, keys.Count);
        Assert.All(keys, row => Assert.True(ApiKeyRow.Read(row).Key.IsRevoked));
        Assert.Equal(26, (await OutboxReader.EventsAsync(_app, root.Org.Id.Value)).Count(e => e.Type == EventTypes.OrgDeleted));
    }

    [Fact]
    public async Task AnOrgCantDeleteItself()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root);

        var result = await Service.DeleteAsync(new OrgScope(OrgTreeBuilder.CallerIn(child), child), cascade: true, default);

        Assert.IsType<Failure.Conflict>(result.Failure);
    }

    [Fact]
    public async Task DescendantsComeDepthFirstInPagesEachExactlyOnce()
    {
        var (root, all) = await _app.Trees.TreeAsync(depth: 3, branching: 3);
        var caller = OrgTreeBuilder.CallerIn(root);

        var seen = new List<OrgView>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Service.ListAsync(new OrgScope(caller, root), false, new PageRequest(7, token), default);
            seen.AddRange(page.Value!.Items);
            token = page.Value.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(all.Count - 1, seen.Count);
        Assert.Equal(seen.Count, seen.Select(o => o.Id).Distinct().Count());
        Assert.True(pages >= 6);
        var expected = all.Skip(1).OrderBy(o => o.Org.Path.Value, StringComparer.Ordinal).Select(o => o.Org.Id.Value);
        Assert.Equal(expected, seen.Select(o => o.Id));
    }

    [Fact]
    public async Task ChildrenAreOnlyTheNextLevel()
    {
        var (root, all) = await _app.Trees.TreeAsync(depth: 2, branching: 3);

        var children = await Service.ListAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), root), true, PageRequest.First(OrgService.Paging), default);

        Assert.Equal(3, children.Value!.Items.Count);
        Assert.All(children.Value.Items, c => Assert.Equal(root.Org.Id.Value, c.ParentId));
    }

    [Fact]
    public async Task AMemberCanReadButNotManage()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root);
        var member = OrgTreeBuilder.CallerIn(root, SystemRoles.MemberId);

        Assert.True((await _app.ScopeAsync(member, child.Org.Id.Value, Permission.OrgsRead)).Succeeded);
        var update = await _app.ScopeAsync(member, child.Org.Id.Value, Permission.OrgsManage);
        Assert.Equal(new Failure.Forbidden(Permission.OrgsManage), update.Failure);
    }
}
