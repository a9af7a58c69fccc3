using Microsoft.Extensions.Options;
using OrgFunctions.Access;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Users;
using OrgFunctions.Orgs;
using OrgFunctions.Roles;

namespace OrgFunctions.Users;

/// <summary>
/// Turns a session token into a <see cref="Caller"/> acting with the membership's role in the session's org: the
/// session (one point read), then the membership and the org at once, then the role. The idle timeout is the org's
/// <c>sessionTimeoutMinutes</c> as it is now, so lowering it applies at the next use; the absolute lifetime is
/// <see cref="UsersOptions.SessionLifetime"/>. A session whose membership is gone, suspended or locked, or whose org is
/// deleted, has ended: it is refused and its row deleted. A session found valid is kept in the <see cref="AccessCache"/>
/// under its token hash until its next use is due to be written (or the cache's bound, or a change to its tree here).
/// </summary>
public sealed class SessionAuthenticator(SessionStore sessions, MembershipStore memberships, OrgStore orgs, RoleStore roles,
    AccessCache cache, IOptions<UsersOptions> options, TimeProvider clock)
{
    // A use is written at most this often (and at most every tenth of the idle timeout), so that reads stay reads: the
    // idle time is counted from the last use written, so a session may end up to this much early, never late.
    private static readonly TimeSpan TouchResolution = TimeSpan.FromSeconds(60);

    public async Task<Authentication> AuthenticateAsync(UserToken token, CancellationToken cancellationToken)
    {
        var cacheKey = AccessCache.SessionCallerKey(token.Hash);
        if (cache.Find<KnownSession>(cacheKey) is { } known && known.ServesAt(clock.GetUtcNow()))
        {
            return Authentication.As(known.Caller);
        }

        var mark = cache.Mark();
        var session = await sessions.FindAsync(token, cancellationToken);
        if (session is null)
        {
            return Authentication.Refused(AuthenticationRefusal.Unknown);
        }
        var membershipRead = memberships.GetAsync(session.Path, session.UserId, cancellationToken);
        var orgRead = orgs.GetAsync(new OrgLocation(session.Path.OrgId, session.Path), cancellationToken);
        await Task.WhenAll(membershipRead, orgRead);
        var (membership, org) = (membershipRead.Result, orgRead.Result);
        if (membership is null || org is null || membership.Membership.Status == MembershipStatus.Suspended || membership.Membership.IsLocked)
        {
            return await EndedAsync(session, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var policy = PolicyOf(org);
        if (policy.StateAt(session.SignedInAt, session.LastUsedAt, now) != SessionState.Valid)
        {
            return await EndedAsync(session, cancellationToken);
        }
        var role = await roles.GetAsync(session.Path, membership.Membership.RoleId, cancellationToken);
        if (role is null)
        {
            return await EndedAsync(session, cancellationToken);
        }
        var resolution = TimeSpan.FromTicks(Math.Min(TouchResolution.Ticks, policy.IdleTimeout.Ticks / 10));
        var lastUsed = session.LastUsedAt;
        if (now - lastUsed >= resolution)
        {
            await sessions.TouchAsync(session, now, cancellationToken);
            lastUsed = now;
        }
        var caller = Caller.ForUser(session.UserId, session.Path, role.Role);
        cache.Keep(cacheKey, session.Path.RootId.Value, mark, new KnownSession(caller, session.SignedInAt, lastUsed, policy, resolution));
        return Authentication.As(caller);
    }

    /// <summary>The org's session policy as it is now: its idle timeout setting within the configured lifetime.</summary>
    public SessionPolicy PolicyOf(OrgRecord org) =>
        SessionPolicy.ForOrg(Convert.ToInt32(org.Settings["sessionTimeoutMinutes"].Value, System.Globalization.CultureInfo.InvariantCulture),
            options.Value.SessionLifetime);

    /// <summary>A session found valid: served from the cache while it stays valid and its next use isn't due to be written.</summary>
    private sealed record KnownSession(Caller Caller, DateTimeOffset SignedInAt, DateTimeOffset LastUsedAt, SessionPolicy Policy, TimeSpan TouchResolution)
    {
        public bool ServesAt(DateTimeOffset now) =>
            now - LastUsedAt < TouchResolution && Policy.StateAt(SignedInAt, LastUsedAt, now) == SessionState.Valid;
    }

    private async Task<Authentication> EndedAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(session.TokenHash, cancellationToken);
        return Authentication.Refused(AuthenticationRefusal.SessionExpired);
    }
}
