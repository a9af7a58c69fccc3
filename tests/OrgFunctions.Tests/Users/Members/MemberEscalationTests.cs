using System.Net;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users.Members;

/// <summary>
/// No escalation: a <c>users.manage</c> holder can't grant a permission their own role lacks, can't act on a member whose
/// role holds one, and nobody changes their own role. Each refusal is a 403 naming the permission, with nothing written.
/// </summary>
public class MemberEscalationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>Everything but <c>billing.manage</c>, which the Owner role holds.</summary>
    private static readonly string[] ManagerPermissions = Permission.All.Where(p => p != Permission.BillingManage).ToArray();

    [Fact]
    public async Task AUsersManagerWithoutBillingCantPromoteAnyoneToOwnerNorDemoteRemoveSuspendOrUnlockAnOwner()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var roleId = await orgs.Trees.CustomRoleAsync(root, ManagerPermissions);
        var members = new MemberBuilder(app.Services);
        var manager = await members.SessionAsync(await members.AddAsync(root.Org.Path, roleId));
        var member = await members.AddAsync(root.Org.Path, SystemRoles.MemberId);
        var owner = await members.AddAsync(root.Org.Path, SystemRoles.OwnerId);
        await MemberChangeTests.LockAsync(orgs, members, owner, loginAttempts: 3);
        var rootId = root.Org.Id.Value;
        Assert.Equal(HttpStatusCode.OK, (await MembersHttp.GetAsync(app, manager, rootId, owner.UserId)).Status);
        var before = await PartitionSnapshot.TakeAsync(orgs, rootId);

        var refusals = new[]
        {
            await MembersHttp.PatchAsync(app, manager, rootId, member.UserId, new { roleId = SystemRoles.OwnerId }),
            await MembersHttp.PatchAsync(app, manager, rootId, owner.UserId, new { roleId = SystemRoles.MemberId }),
            await MembersHttp.PatchAsync(app, manager, rootId, signup.Owner.Id, new { status = "suspended" }),
            await MembersHttp.RemoveAsync(app, manager, rootId, owner.UserId),
            await MembersHttp.UnlockAsync(app, manager, rootId, owner.UserId),
        };

        Assert.All(refusals, r => Assert.Equal(HttpStatusCode.Forbidden, r.Status));
        Assert.All(refusals, r => Assert.Equal("application/problem+json", r.MediaType));
        Assert.All(refusals, r => Assert.Equal("Needs 'billing.manage'.", r.Json.GetProperty("detail").GetString()));
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(orgs, rootId));
        // What the manager's role covers, it may do.
        Assert.Equal(HttpStatusCode.OK, (await MembersHttp.PatchAsync(app, manager, rootId, member.UserId, new { status = "suspended" })).Status);
    }

    [Fact]
    public async Task AMemberCantChangeTheirOwnRoleOrStatusEvenWithUsersManage()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var members = new MemberBuilder(app.Services);
        var admin = await members.AddAsync(root.Org.Path, SystemRoles.AdminId);
        var session = await members.SessionAsync(admin);
        var rootId = root.Org.Id.Value;
        Assert.Equal(HttpStatusCode.OK, (await MembersHttp.GetAsync(app, session, rootId, admin.UserId)).Status);
        var before = await PartitionSnapshot.TakeAsync(orgs, rootId);

        var demote = await MembersHttp.PatchAsync(app, session, rootId, admin.UserId, new { roleId = SystemRoles.MemberId });
        var suspend = await MembersHttp.PatchAsync(app, session, rootId, admin.UserId, new { status = "suspended" });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (demote.Status, suspend.Status));
        Assert.Contains("own", demote.Json.GetProperty("detail").GetString());
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(orgs, rootId));
    }

    [Fact]
    public async Task AParentsUserAdminAdministersAChildsMembersButNotAboveItsOwnRank()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var members = new MemberBuilder(app.Services);
        var userAdmin = await members.SessionAsync(await members.AddAsync(root.Org.Path, SystemRoles.UserAdminId));
        // The Member role holds conversations.read, which UserAdmin lacks: a reader-only role is below it.
        var member = await members.AddAsync(child.Org.Path, await orgs.Trees.CustomRoleAsync(child, [Permission.OrgsRead]));
        var agent = await members.AddAsync(child.Org.Path, SystemRoles.MemberId);
        var childAdmin = await members.AddAsync(child.Org.Path, SystemRoles.AdminId);
        var childId = child.Org.Id.Value;

        var toUserAdmin = await MembersHttp.PatchAsync(app, userAdmin, childId, member.UserId, new { roleId = SystemRoles.UserAdminId });
        var toAdmin = await MembersHttp.PatchAsync(app, userAdmin, childId, member.UserId, new { roleId = SystemRoles.AdminId });
        var removeAdmin = await MembersHttp.RemoveAsync(app, userAdmin, childId, childAdmin.UserId);
        var suspendAgent = await MembersHttp.PatchAsync(app, userAdmin, childId, agent.UserId, new { status = "suspended" });

        Assert.Equal(HttpStatusCode.OK, toUserAdmin.Status);
        Assert.Equal(HttpStatusCode.Forbidden, toAdmin.Status);
        Assert.Equal(HttpStatusCode.Forbidden, removeAdmin.Status);
        Assert.Equal(HttpStatusCode.Forbidden, suspendAgent.Status);
        Assert.Contains("'conversations.read'", suspendAgent.Json.GetProperty("detail").GetString());
        Assert.NotNull(await members.MembershipAsync(childAdmin));
    }
}
