namespace OrgFunctions.Domain.Users;

/// <summary>
/// How long a signed-in session lasts: the org's session timeout of idleness, extended by each use, within an absolute
/// lifetime from sign-in. The idle timeout is the org's setting when the session is used, not when it began, so
/// lowering it applies to existing sessions at their next use.
/// </summary>
public sealed record SessionPolicy
{
    public SessionPolicy(TimeSpan idleTimeout, TimeSpan absoluteLifetime)
    {
        if (idleTimeout <= TimeSpan.Zero || absoluteLifetime <= TimeSpan.Zero)
        {
            throw new DomainException("A session's idle timeout and lifetime must be positive.");
        }
        IdleTimeout = idleTimeout;
        AbsoluteLifetime = absoluteLifetime;
    }

    public TimeSpan IdleTimeout { get; }
    public TimeSpan AbsoluteLifetime { get; }

    public static SessionPolicy ForOrg(int sessionTimeoutMinutes, TimeSpan absoluteLifetime) =>
        new(TimeSpan.FromMinutes(sessionTimeoutMinutes), absoluteLifetime);

    public SessionState StateAt(DateTimeOffset signedInAt, DateTimeOffset lastUsedAt, DateTimeOffset now) =>
        now >= signedInAt + AbsoluteLifetime ? SessionState.LifetimeExpired
        : now >= lastUsedAt + IdleTimeout ? SessionState.IdleExpired
        : SessionState.Valid;

    /// <summary>When the session ends if it is not used again after <paramref name="lastUsedAt"/>.</summary>
    public DateTimeOffset ExpiresAt(DateTimeOffset signedInAt, DateTimeOffset lastUsedAt)
    {
        var idle = lastUsedAt + IdleTimeout;
        var absolute = signedInAt + AbsoluteLifetime;
        return idle < absolute ? idle : absolute;
    }
}
