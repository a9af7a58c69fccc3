using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Users;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Users;

namespace OrgFunctions.Tests.Users.Members;

/// <summary>
/// A root org keeps an active owner: the last one can't be demoted, suspended or removed (409, nothing written), and
/// two changes racing to take away the last two can't both win.
/// </summary>
public class LastOwnerGuardTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TheOnlyOwnerOfARootOrgCantBeDemotedSuspendedOrRemoved()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var rootId = root.Org.Id.Value;
        var owner = signup.Owner.Id;
        Assert.Equal(HttpStatusCode.OK, (await MembersHttp.GetAsync(app, key, rootId, owner)).Status);
        var before = await PartitionSnapshot.TakeAsync(orgs, rootId);

        var refusals = new[]
        {
            await MembersHttp.PatchAsync(app, key, rootId, owner, new { roleId = SystemRoles.AdminId }),
            await MembersHttp.PatchAsync(app, key, rootId, owner, new { status = "suspended" }),
            await MembersHttp.RemoveAsync(app, key, rootId, owner),
        };

        Assert.All(refusals, r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.All(refusals, r => Assert.Equal("application/problem+json", r.MediaType));
        Assert.Contains("last active owner", refusals[0].Json.GetProperty("detail").GetString());
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(orgs, rootId));
    }

    [Fact]
    public async Task ASuspendedOwnerDoesntCountAndAChildOrgsOwnerIsNotGuarded()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var key = await orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var second = await members.AddAsync(root.Org.Path, SystemRoles.OwnerId);
        var childOwner = await members.AddAsync(child.Org.Path, SystemRoles.OwnerId);
        var rootId = root.Org.Id.Value;

        var suspended = await MembersHttp.PatchAsync(app, key, rootId, second.UserId, new { status = "suspended" });
        Assert.True(suspended.Status == HttpStatusCode.OK, suspended.ToString());
        Assert.Equal(HttpStatusCode.Conflict, (await MembersHttp.RemoveAsync(app, key, rootId, signup.Owner.Id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await MembersHttp.PatchAsync(app, key, rootId, second.UserId, new { status = "active" })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await MembersHttp.RemoveAsync(app, key, rootId, signup.Owner.Id)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await MembersHttp.RemoveAsync(app, key, child.Org.Id.Value, childOwner.UserId)).Status);
    }

    [Fact]
    public async Task OfTwoOwnersDemotingEachOtherAtTheSameInstantOnlyOneWins()
    {
        var gate = new BatchGate();
        var options = new TableClientOptions();
        options.AddPolicy(gate, Azure.Core.HttpPipelinePosition.PerCall);
        await using var app = await AppHost.StartAsync(azurite, (services, _) => services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options)));
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var second = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.OwnerId);
        var rootId = root.Org.Id.Value;
        Assert.Equal(HttpStatusCode.OK, (await MembersHttp.GetAsync(app, key, rootId, second.UserId)).Status);

        // Both read while both are owners, and both reach their transaction before either commits.
        gate.HoldNext(2);
        var answers = await Task.WhenAll(
            MembersHttp.PatchAsync(app, key, rootId, signup.Owner.Id, new { roleId = SystemRoles.AdminId }),
            MembersHttp.RemoveAsync(app, key, rootId, second.UserId));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
        Assert.Single(answers, a => a.Status is HttpStatusCode.OK or HttpStatusCode.NoContent);
        Assert.Equal(1, await ActiveOwnersAsync(orgs, root.Org.Path, [signup.Owner.Id, second.UserId]));
    }

    [Fact]
    public async Task EightParallelDemotionsOfTwoOwnersAlwaysLeaveOneActiveOwner()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var second = await members.AddAsync(root.Org.Path, SystemRoles.OwnerId);
        var owners = new[] { signup.Owner.Id, second.UserId };
        var rootId = root.Org.Id.Value;

        for (var round = 0; round < 4; round++)
        {
            var eventsBefore = (await OutboxReader.EventsAsync(orgs, rootId)).Count;
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
                MembersHttp.PatchAsync(app, key, rootId, owners[i % 2], i % 4 < 2 ? new { roleId = SystemRoles.AdminId } : (object)new { status = "suspended" })));

            Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, a.ToString()));
            Assert.Equal(1, await ActiveOwnersAsync(orgs, root.Org.Path, owners));
            // The survivor was never changed: no event of this round names it.
            var survivor = await SurvivorAsync(orgs, root.Org.Path, owners);
            var changed = (await OutboxReader.EventsAsync(orgs, rootId)).Skip(eventsBefore).Where(e => e.Type == EventTypes.UserUpdated).ToList();
            Assert.NotEmpty(changed);
            Assert.DoesNotContain(changed, e => e.Data["userId"]!.GetValue<string>() == survivor);

            foreach (var owner in owners)
            {
                await MembersHttp.PatchAsync(app, key, rootId, owner, new { roleId = SystemRoles.OwnerId, status = "active" });
            }
            Assert.Equal(2, await ActiveOwnersAsync(orgs, root.Org.Path, owners));
        }
    }

    private static async Task<string> SurvivorAsync(OrgApp orgs, Domain.Orgs.OrgPath root, IEnumerable<string> userIds)
    {
        foreach (var userId in userIds)
        {
            if (await orgs.Get<MembershipStore>().GetAsync(root, userId, default) is { Membership: { RoleId: SystemRoles.OwnerId, Status: MembershipStatus.Active } })
            {
                return userId;
            }
        }
        throw new InvalidOperationException("No active owner.");
    }

    private static async Task<int> ActiveOwnersAsync(OrgApp orgs, Domain.Orgs.OrgPath root, IEnumerable<string> userIds)
    {
        var count = 0;
        foreach (var userId in userIds)
        {
            var membership = await orgs.Get<MembershipStore>().GetAsync(root, userId, default);
            if (membership is { Membership: { RoleId: SystemRoles.OwnerId, Status: MembershipStatus.Active } })
            {
                count++;
            }
        }
        return count;
    }
}
