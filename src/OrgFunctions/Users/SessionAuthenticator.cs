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
/// deleted, has ended: it is refused and its row deleted.
/// </summary>
public sealed class SessionAuthenticator(SessionStore sessions, MembershipStore memberships, OrgStore orgs, RoleStore roles,
    IOptions<UsersOptions> options, TimeProvider clock)
{
    // A use is written at most this often (and at most every tenth of the idle timeout), so that reads stay reads: the
    // idle time is counted from the last use written, so a session may end up to this much early, never late.
    private static readonly TimeSpan TouchResolution = TimeSpan.FromSeconds(60);

    public async Task<Authentication> AuthenticateAsync(UserToken token, CancellationToken cancellationToken)
    {
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
        if (now - session.LastUsedAt >= resolution)
        {
            await sessions.TouchAsync(session, now, cancellationToken);
        }
        return Authentication.As(Caller.ForUser(session.UserId, session.Path, role.Role));
    }

    /// <summary>The org's session policy as it is now: its idle timeout setting within the configured lifetime.</summary>
    public SessionPolicy PolicyOf(OrgRecord org) =>
        SessionPolicy.ForOrg(Convert.ToInt32(org.Settings["sessionTimeoutMinutes"].Value, System.Globalization.CultureInfo.InvariantCulture),
            options.Value.SessionLifetime);

    private async Task<Authentication> EndedAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(session.TokenHash, cancellationToken);
        return Authentication.Refused(AuthenticationRefusal.SessionExpired);
    }
}
