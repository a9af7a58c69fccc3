using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Tests.Users.Members;

namespace OrgFunctions.Tests.Access;

/// <summary>
/// ADR 0026 with two instances over one storage: <see cref="TwoInstancesFixture.Here"/> makes each change, and counts it
/// at once; <see cref="TwoInstancesFixture.There"/> cached the caller before, serves it from its cache while the bound
/// (30 s on its clock) has not passed, and refuses it once it has. The clock is moved by hand, never waited on.
/// </summary>
public class AccessCacheAcrossInstancesTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>
{
    private AppHost Here => instances.Here;
    private AppHost There => instances.There;

    [Fact]
    public async Task ARevokedKeyIsServedThereWithinTheBoundAndRefusedOnceItHasPassed()
    {
        var (root, ownerKey) = await instances.RootAsync();
        var key = await instances.Orgs.Trees.KeyAsync(root, SystemRoles.MemberId);
        var path = $"api/orgs/{root.Org.Id}";
        await AssertStatusAsync(HttpStatusCode.OK, Here, path, key);
        await AssertStatusAsync(HttpStatusCode.OK, There, path, key);

        await AssertStatusAsync(HttpStatusCode.NoContent, Here, $"{path}/api-keys/{OrgTreeBuilder.KeyIdOf(key)}", ownerKey, HttpMethod.Delete);

        await AssertCountsHereAtOnceAndThereOnceTheBoundHasPassedAsync(HttpStatusCode.Unauthorized, path, key, key);
    }

    [Fact]
    public async Task ARoleThatLosesAPermissionCountsThereOnceTheBoundHasPassed()
    {
        var (root, ownerKey) = await instances.RootAsync();
        var roleId = await instances.Orgs.Trees.CustomRoleAsync(root, [Permission.OrgsRead, Permission.ReportsRead], "Reader");
        var key = await instances.Orgs.Trees.KeyAsync(root, roleId);
        var path = $"api/orgs/{root.Org.Id}";
        await AssertStatusAsync(HttpStatusCode.OK, Here, path, key);
        await AssertStatusAsync(HttpStatusCode.OK, There, path, key);

        await AssertStatusAsync(HttpStatusCode.OK, Here, $"{path}/roles/{roleId}", ownerKey, HttpMethod.Put,
            new { name = "Reader", permissions = new[] { Permission.ReportsRead } });

        await AssertCountsHereAtOnceAndThereOnceTheBoundHasPassedAsync(HttpStatusCode.Forbidden, path, key, key);
    }

    [Theory]
    [InlineData("suspended")]
    [InlineData("locked")]
    [InlineData("removed")]
    public async Task AMembershipThatEndsEndsItsSessionsThereOnceTheBoundHasPassed(string how)
    {
        var (root, ownerKey, member, hereSession, thereSession) = await SignedInHereAndThereAsync();
        var path = $"api/orgs/{root.Org.Id}";

        switch (how)
        {
            case "suspended":
                Assert.Equal(HttpStatusCode.OK, (await MembersHttp.PatchAsync(Here, ownerKey, root.Org.Id.Value, member.UserId,
                    new { status = "suspended" })).Status);
                break;
            case "locked":
                for (var attempt = 0; attempt < 5; attempt++) // the org's loginAttempts: the default 5
                {
                    await SignInHttp.SignInAsync(Here, member, "not the password at all");
                }
                Assert.Equal(HttpStatusCode.Locked, (await SignInHttp.SignInAsync(Here, member)).Status);
                break;
            default:
                Assert.Equal(HttpStatusCode.NoContent, (await MembersHttp.RemoveAsync(Here, ownerKey, root.Org.Id.Value, member.UserId)).Status);
                break;
        }

        await AssertCountsHereAtOnceAndThereOnceTheBoundHasPassedAsync(HttpStatusCode.Unauthorized, path, hereSession, thereSession);
    }

    [Fact]
    public async Task ASessionSignedOutEndsAtOnceWhereItWasSignedOutAndElsewhereOnceTheBoundHasPassed()
    {
        var (root, _, _, session, other) = await SignedInHereAndThereAsync();
        var path = $"api/orgs/{root.Org.Id}";
        await AssertStatusAsync(HttpStatusCode.OK, There, path, session);

        Assert.Equal(HttpStatusCode.NoContent, (await SignInHttp.SignOutAsync(Here, session)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await SignInHttp.SignOutAsync(There, other)).Status);

        await AssertStatusAsync(HttpStatusCode.Unauthorized, Here, path, session);
        await AssertStatusAsync(HttpStatusCode.Unauthorized, There, path, other);
        await AssertStatusAsync(HttpStatusCode.OK, There, path, session);
        instances.PassTheBound();
        await AssertStatusAsync(HttpStatusCode.Unauthorized, There, path, session);
    }

    [Fact]
    public async Task ADeletedOrgIs404AtOnceWhereItsRowIsReadAndItsKeysAreRefusedOnceTheBoundHasPassed()
    {
        var (root, ownerKey) = await instances.RootAsync();
        var child = await instances.Orgs.Trees.ChildAsync(root);
        await new BulkTreeBuilder(instances.Orgs).SystemRolesAsync(child);
        var childKey = await instances.Orgs.Trees.KeyAsync(child);
        var path = $"api/orgs/{child.Org.Id}";
        await AssertStatusAsync(HttpStatusCode.OK, There, path, childKey);
        await AssertStatusAsync(HttpStatusCode.OK, There, $"{path}/descendants", childKey);

        await AssertStatusAsync(HttpStatusCode.NoContent, Here, path, ownerKey, HttpMethod.Delete);

        await AssertStatusAsync(HttpStatusCode.Unauthorized, Here, path, childKey);
        await AssertStatusAsync(HttpStatusCode.NotFound, Here, path, ownerKey);
        // There, the key and the org's location are still cached: a route that reads the org's row finds it deleted; a
        // listing, which takes the org from the cache, still answers (with nothing: its orgs went with it) until the bound.
        await AssertStatusAsync(HttpStatusCode.NotFound, There, path, childKey);
        await AssertStatusAsync(HttpStatusCode.OK, There, $"{path}/descendants", childKey);
        instances.PassTheBound();
        await AssertStatusAsync(HttpStatusCode.Unauthorized, There, $"{path}/descendants", childKey);
    }

    [Fact]
    public async Task ANewKeyWorksEverywhereAtOnceAndAWrongSecretNeverMatchesACachedKey()
    {
        var (root, ownerKey) = await instances.RootAsync();
        var path = $"api/orgs/{root.Org.Id}";
        var unknown = Domain.ApiKeys.ApiKey.Issue(root.Org.Id, "not yet", SystemRoles.MemberId, DateTimeOffset.UtcNow).Secret.Token;
        await AssertStatusAsync(HttpStatusCode.Unauthorized, There, path, unknown);

        var issued = await HttpAnswer.SendAsync(Here, AppHost.Request(HttpMethod.Post, $"{path}/api-keys", ownerKey,
            new { name = "New", roleId = SystemRoles.MemberId }));
        Assert.Equal(HttpStatusCode.Created, issued.Status);
        var key = issued.Json.GetProperty("secret").GetString()!;
        await AssertStatusAsync(HttpStatusCode.OK, There, path, key);

        var wrongSecret = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        await AssertStatusAsync(HttpStatusCode.Unauthorized, There, path, wrongSecret);
        await AssertStatusAsync(HttpStatusCode.OK, There, path, key);
    }

    /// <summary>A member of a new root with a session signed in here and one signed in there, each used once where it was signed in.</summary>
    private async Task<(OrgRecord Root, string OwnerKey, Member Member, string HereSession, string ThereSession)> SignedInHereAndThereAsync()
    {
        var (root, ownerKey) = await instances.RootAsync();
        var member = await new MemberBuilder(Here.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        var hereSession = await SignInHttp.TokenAsync(Here, member);
        var thereSession = await SignInHttp.TokenAsync(There, member);
        await AssertStatusAsync(HttpStatusCode.OK, Here, $"api/orgs/{root.Org.Id}", hereSession);
        await AssertStatusAsync(HttpStatusCode.OK, There, $"api/orgs/{root.Org.Id}", thereSession);
        return (root, ownerKey, member, hereSession, thereSession);
    }

    /// <summary>
    /// The change counts at once here (<paramref name="refused"/> for <paramref name="hereToken"/>); there, the cached
    /// caller (<paramref name="thereToken"/>) still gets 200 within the bound, and <paramref name="refused"/> once it has passed.
    /// </summary>
    private async Task AssertCountsHereAtOnceAndThereOnceTheBoundHasPassedAsync(HttpStatusCode refused, string path, string hereToken,
        string thereToken)
    {
        await AssertStatusAsync(refused, Here, path, hereToken);
        await AssertStatusAsync(HttpStatusCode.OK, There, path, thereToken);
        instances.PassTheBound();
        await AssertStatusAsync(refused, There, path, thereToken);
    }

    private async Task AssertStatusAsync(HttpStatusCode expected, AppHost app, string path, string token,
        HttpMethod? method = null, object? body = null)
    {
        var answer = await HttpAnswer.SendAsync(app, AppHost.Request(method ?? HttpMethod.Get, path, token, body));
        Assert.True(answer.Status == expected, $"{method ?? HttpMethod.Get} {path} {(app == Here ? "here" : "there")}: {answer}");
    }
}

/// <summary>Two app instances over one Azurite: <see cref="Here"/> on the system clock, <see cref="There"/> on a clock the tests move.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    /// <summary>There's bound: long enough that the cache's own expiry (real time) can't end an entry mid-test.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly AzuriteFixture _azurite = new();
    private readonly MovableClock _clock = new();

    public AppHost Here { get; private set; } = null!;
    public AppHost There { get; private set; } = null!;
    public OrgApp Orgs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Orgs = new OrgApp(_azurite);
        Here = await AppHost.StartAsync(_azurite);
        There = await AppHost.StartAsync(_azurite, (services, _) => services.AddSingleton<TimeProvider>(_clock),
            $"--Access:CacheStaleness={Bound}");
    }

    /// <summary>A new root org (signed up, so with its system roles) and an Owner key of it.</summary>
    public async Task<(OrgRecord Root, string OwnerKey)> RootAsync()
    {
        var (root, _) = await Orgs.Trees.RootAsync();
        return (root, await Orgs.Trees.KeyAsync(root));
    }

    /// <summary>Moves There's clock just past the bound: less than the minute after which a key's or session's use is written again.</summary>
    public void PassTheBound() => _clock.Advance(Bound + TimeSpan.FromSeconds(1));

    public async Task DisposeAsync()
    {
        await Here.DisposeAsync();
        await There.DisposeAsync();
    }
}
