namespace OrgFunctions.Domain.Users;

/// <summary>Whether a sign-in attempt may check its password.</summary>
public enum SignInAdmission
{
    /// <summary>Counted as a try: its password may be checked.</summary>
    Admitted,

    /// <summary>The org's login attempts are used up: no password is checked until an admin unlocks the membership.</summary>
    Locked,

    /// <summary>An admin suspended the membership.</summary>
    Suspended,
}
