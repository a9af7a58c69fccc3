namespace OrgFunctions.Domain.Users;

/// <summary>What a session is at the moment it is used.</summary>
public enum SessionState
{
    Valid,

    /// <summary>Unused for longer than the org's session timeout.</summary>
    IdleExpired,

    /// <summary>Older than the absolute lifetime, however recently used.</summary>
    LifetimeExpired,
}
