using System.Net;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Users;

namespace OrgFunctions.Tests.Users.Members;

/// <summary>
/// Role and status changes, removal and unlock over HTTP: each writes its membership and its event in one transaction,
/// a no-op writes nothing, and a session ends at once when its membership is suspended or removed.
/// </summary>
public class MemberChangeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ARoleChangeSuspensionAndReactivationEachWriteTheMembershipAndAUserUpdatedEventNamingWhatChanged()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var rootId = root.Org.Id.Value;
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(root.Org.Path, SystemRoles.MemberId);

        var promoted = await MembersHttp.PatchAsync(app, key, rootId, member.UserId, new { roleId = SystemRoles.AdminId });
        var suspended = await MembersHttp.PatchAsync(app, key, rootId, member.UserId, new { status = "suspended" });
        var reactivated = await MembersHttp.PatchAsync(app, key, rootId, member.UserId, new { status = "active", roleId = SystemRoles.UserAdminId });

        Assert.Equal(HttpStatusCode.OK, promoted.Status);
        Assert.Equal(SystemRoles.AdminId, promoted.Json.GetProperty("roleId").GetString());
        Assert.Equal("suspended", suspended.Json.GetProperty("status").GetString());
        Assert.Equal(("active", SystemRoles.UserAdminId), (reactivated.Json.GetProperty("status").GetString(), reactivated.Json.GetProperty("roleId").GetString()));
        var stored = (await members.MembershipAsync(member))!;
        Assert.Equal(reactivated.ETag, stored.ETag.ToString());
        Assert.Equal(SystemRoles.UserAdminId, stored.Membership.RoleId);
        var updates = (await OutboxReader.EventsAsync(orgs, rootId)).Where(e => e.Type == EventTypes.UserUpdated).ToList();
        Assert.Equal(
        [
            $$"""{"userId":"{{member.UserId}}","roleId":"admin"}""",
            $$"""{"userId":"{{member.UserId}}","status":"suspended"}""",
            $$"""{"userId":"{{member.UserId}}","roleId":"user-admin","status":"active"}""",
        ], updates.Select(e => e.Data.ToJsonString()));
        Assert.All(updates, e => Assert.Equal("apikey:" + OrgTreeBuilder.KeyIdOf(key), e.Actor));
    }

    [Fact]
    public async Task APatchThatChangesNothingWritesNothing()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        // The key's first use records its lastUsedAt: behind us before the snapshot.
        Assert.Equal(HttpStatusCode.OK, (await MembersHttp.GetAsync(app, key, root.Org.Id.Value, member.UserId)).Status);
        var before = await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value);

        var same = await MembersHttp.PatchAsync(app, key, root.Org.Id.Value, member.UserId, new { roleId = SystemRoles.MemberId, status = "active" });
        var empty = await MembersHttp.PatchAsync(app, key, root.Org.Id.Value, member.UserId, new { });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (same.Status, empty.Status));
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value));
    }

    [Fact]
    public async Task APatchWithAStaleIfMatchIs412AndWritesNothing()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        var read = await MembersHttp.GetAsync(app, key, root.Org.Id.Value, member.UserId);
        var first = AppHost.Request(HttpMethod.Patch, $"api/orgs/{root.Org.Id}/users/{member.UserId}", key, new { roleId = SystemRoles.AdminId });
        first.Headers.IfMatch.ParseAdd(read.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(app, first)).Status);
        var before = await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value);

        var stale = AppHost.Request(HttpMethod.Patch, $"api/orgs/{root.Org.Id}/users/{member.UserId}", key, new { status = "suspended" });
        stale.Headers.IfMatch.ParseAdd(read.ETag!);
        var refused = await HttpAnswer.SendAsync(app, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.Status);
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value));
    }

    [Fact]
    public async Task ASuspendedMembersSessionIsRefusedAsExpiredAtItsNextRequest()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(root.Org.Path, SystemRoles.MemberId);
        var session = await members.SessionAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}", session))).Status);

        Assert.Equal(HttpStatusCode.OK, (await MembersHttp.PatchAsync(app, key, root.Org.Id.Value, member.UserId, new { status = "suspended" })).Status);
        var after = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}", session));

        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal("https://orgfunctions.dev/problems/session-expired", after.Json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task RemovalEndsTheMembershipAndItsSessionAtOnceButKeepsTheUserAndTheirOtherMembership()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var (otherRoot, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(root.Org.Path, SystemRoles.AdminId);
        var elsewhere = await members.JoinAsync(member, otherRoot.Org.Path, SystemRoles.MemberId);
        var session = await members.SessionAsync(member);
        var otherSession = await members.SessionAsync(elsewhere);

        var removed = await MembersHttp.RemoveAsync(app, key, root.Org.Id.Value, member.UserId);
        var refused = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}", session));
        var stillIn = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{otherRoot.Org.Id}", otherSession));

        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(HttpStatusCode.OK, stillIn.Status);
        Assert.Null(await members.MembershipAsync(member));
        Assert.NotNull(await members.MembershipAsync(elsewhere));
        Assert.Equal(HttpStatusCode.NotFound, (await MembersHttp.GetAsync(app, key, root.Org.Id.Value, member.UserId)).Status);
        var users = orgs.Get<UserStore>();
        Assert.NotNull(await users.GetAsync(member.UserId, default));
        Assert.Equal([otherRoot.Org.Path], await users.OrgsAsync(member.UserId, default));
        var removedEvent = Assert.Single(await OutboxReader.EventsAsync(orgs, root.Org.Id.Value), e => e.Type == EventTypes.UserRemoved);
        Assert.Equal($$"""{"userId":"{{member.UserId}}"}""", removedEvent.Data.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await MembersHttp.RemoveAsync(app, key, root.Org.Id.Value, member.UserId)).Status);
    }

    [Fact]
    public async Task UnlockClearsTheLockAndTheCountWithOneUserUnlockedEventAndAgainChangesNothing()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(root.Org.Path, SystemRoles.MemberId);
        await LockAsync(orgs, members, member, loginAttempts: 5);
        var locked = await MembersHttp.GetAsync(app, key, root.Org.Id.Value, member.UserId);
        Assert.True(locked.Json.GetProperty("locked").GetBoolean());

        var unlocked = await MembersHttp.UnlockAsync(app, key, root.Org.Id.Value, member.UserId);
        var snapshot = await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value);
        var again = await MembersHttp.UnlockAsync(app, key, root.Org.Id.Value, member.UserId);

        Assert.Equal(HttpStatusCode.OK, unlocked.Status);
        Assert.False(unlocked.Json.GetProperty("locked").GetBoolean());
        var stored = (await members.MembershipAsync(member))!.Membership;
        Assert.Equal((false, 0), (stored.IsLocked, stored.TriesSinceSuccess));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(snapshot, await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value));
        var unlockedEvent = Assert.Single(await OutboxReader.EventsAsync(orgs, root.Org.Id.Value), e => e.Type == EventTypes.UserUnlocked);
        Assert.Equal($$"""{"userId":"{{member.UserId}}"}""", unlockedEvent.Data.ToJsonString());
    }

    /// <summary>Locks the membership as sign-in does: the org's limit of tries admitted and rejected, then one more admitted.</summary>
    internal static async Task LockAsync(OrgApp orgs, MemberBuilder members, Member member, int loginAttempts)
    {
        var record = (await members.MembershipAsync(member))!;
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < loginAttempts; i++)
        {
            record.Membership.Admit(loginAttempts, now);
            record.Membership.PasswordRejected(loginAttempts, now);
        }
        Assert.True(record.Membership.IsLocked);
        await orgs.Tables.Orgs.UpdateEntityAsync(MembershipRow.Updated(record), record.ETag, TableUpdateMode.Replace);
    }
}
