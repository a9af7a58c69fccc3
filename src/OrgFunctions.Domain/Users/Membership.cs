using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Users;

/// <summary>
/// A user's place in one org: the role they act with there, whether an admin suspended them, and the org's lockout.
/// A try is counted before its password is checked (<see cref="Admit"/>), so however many tries race, at most the
/// org's login attempts ever check a password in a row; the storage write of each transition is conditional, so two
/// racing tries can't both take the last one.
/// </summary>
public sealed class Membership
{
    private Membership(string userId, OrgId orgId, string roleId, MembershipStatus status, int triesSinceSuccess, DateTimeOffset? lockedAt)
    {
        UserId = userId;
        OrgId = orgId;
        RoleId = roleId;
        Status = status;
        TriesSinceSuccess = triesSinceSuccess;
        LockedAt = lockedAt;
    }

    public string UserId { get; }
    public OrgId OrgId { get; }
    public string RoleId { get; private set; }
    public MembershipStatus Status { get; private set; }

    /// <summary>Tries admitted since the last right password: each counts as wrong until it proves right.</summary>
    public int TriesSinceSuccess { get; private set; }

    public DateTimeOffset? LockedAt { get; private set; }
    public bool IsLocked => LockedAt is not null;

    public static Membership Join(string userId, OrgId orgId, string roleId) =>
        new(userId, orgId, RequireRole(roleId), MembershipStatus.Active, 0, null);

    public static Membership Restore(string userId, OrgId orgId, string roleId, MembershipStatus status, int triesSinceSuccess,
        DateTimeOffset? lockedAt) =>
        new(userId, orgId, roleId, status, triesSinceSuccess, lockedAt);

    /// <summary>
    /// Counts a try before its password is checked. With <paramref name="loginAttempts"/> tries already counted and
    /// none right, the membership locks here and the try is refused unchecked.
    /// </summary>
    public SignInAdmission Admit(int loginAttempts, DateTimeOffset now)
    {
        RequireLimit(loginAttempts);
        if (Status == MembershipStatus.Suspended)
        {
            return SignInAdmission.Suspended;
        }
        if (!IsLocked && TriesSinceSuccess >= loginAttempts)
        {
            LockedAt = now;
        }
        if (IsLocked)
        {
            return SignInAdmission.Locked;
        }
        TriesSinceSuccess++;
        return SignInAdmission.Admitted;
    }

    /// <summary>An admitted try's password was wrong: the last of the org's tries locks the membership. True when it locked now.</summary>
    public bool PasswordRejected(int loginAttempts, DateTimeOffset now)
    {
        RequireLimit(loginAttempts);
        if (IsLocked || TriesSinceSuccess < loginAttempts)
        {
            return false;
        }
        LockedAt = now;
        return true;
    }

    /// <summary>An admitted try's password was right: the count starts again. A lock taken meanwhile still holds.</summary>
    public void PasswordAccepted()
    {
        if (IsLocked)
        {
            throw new DomainException("A locked membership can't sign in until it is unlocked.");
        }
        if (Status == MembershipStatus.Suspended)
        {
            throw new DomainException("A suspended membership can't sign in.");
        }
        TriesSinceSuccess = 0;
    }

    /// <summary>Lifts the lock and starts the count again. False when there was nothing to unlock.</summary>
    public bool Unlock()
    {
        var wasLocked = IsLocked || TriesSinceSuccess > 0;
        LockedAt = null;
        TriesSinceSuccess = 0;
        return wasLocked;
    }

    public void ChangeRole(string roleId) => RoleId = RequireRole(roleId);

    public void Suspend() => Status = MembershipStatus.Suspended;

    public void Reactivate() => Status = MembershipStatus.Active;

    private static string RequireRole(string roleId) =>
        string.IsNullOrWhiteSpace(roleId) ? throw new DomainException("A membership needs a role.") : roleId;

    private static void RequireLimit(int loginAttempts)
    {
        if (loginAttempts < 1)
        {
            throw new DomainException("An org's login attempts must be at least 1.");
        }
    }
}
