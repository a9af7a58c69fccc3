using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Users;
using OrgFunctions.Storage;
using OrgFunctions.Users;

namespace OrgFunctions.Tests.Builders;

/// <summary>A user with a password and a membership of one org, arranged straight in storage.</summary>
public sealed record Member(string UserId, string Email, string Password, OrgPath Org);

/// <summary>
/// Arranges users and memberships in storage as the app stores them (user, email claim, pointer, membership row), and
/// starts sessions for them without a sign-in, over any container that has the app's user services (an
/// <see cref="AppHost"/>'s or an <see cref="OrgApp"/>'s).
/// </summary>
public sealed class MemberBuilder(IServiceProvider services)
{
    public const string DefaultPassword = "correct horse battery";

    private T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A new user (a fresh email unless given) who is a member of <paramref name="org"/> with <paramref name="roleId"/>.</summary>
    public async Task<Member> AddAsync(OrgPath org, string roleId = "member", string? email = null, string password = DefaultPassword,
        string displayName = "Member")
    {
        var address = EmailAddress.Create(email ?? $"member-{Guid.NewGuid():N}@example.com");
        var now = Get<TimeProvider>().GetUtcNow();
        var user = await Get<UserStore>().FindByEmailAsync(address, default)
            ?? await Get<UserStore>().CreateAsync(address, displayName, Get<Passwords>().Hash(password), now, default)
            ?? throw new InvalidOperationException("The email was claimed meanwhile.");
        await JoinAsync(user, org, roleId, now);
        return new Member(user.Id, address.Value, password, org);
    }

    /// <summary>Makes an existing user a member of one more org.</summary>
    public async Task<Member> JoinAsync(Member member, OrgPath org, string roleId = "member")
    {
        var user = await Get<UserStore>().GetAsync(member.UserId, default) ?? throw new InvalidOperationException("No such user.");
        await JoinAsync(user, org, roleId, Get<TimeProvider>().GetUtcNow());
        return member with { Org = org };
    }

    /// <summary>A session of the member in their org, as sign-in starts one: the bearer token.</summary>
    public async Task<string> SessionAsync(Member member)
    {
        var (token, _) = await Get<SessionStore>().StartAsync(member.UserId, member.Org, Get<TimeProvider>().GetUtcNow(), default);
        return token.Token;
    }

    public Task<MembershipRecord?> MembershipAsync(Member member) => Get<MembershipStore>().GetAsync(member.Org, member.UserId, default);

    private async Task JoinAsync(UserRecord user, OrgPath org, string roleId, DateTimeOffset now)
    {
        await Get<UserStore>().AddOrgAsync(user.Id, org, default);
        await Get<OrgTables>().Orgs.AddEntityAsync(
            MembershipRow.Create(org, Membership.Join(user.Id, org.OrgId, roleId), user.Email.Value, user.DisplayName, now));
    }
}
