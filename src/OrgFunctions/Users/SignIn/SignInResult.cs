namespace OrgFunctions.Users.SignIn;

public sealed record SignedInUser(string Id, string Email, string DisplayName);

public sealed record SignedInOrg(string Id, string Name);

/// <summary>What a successful sign-in answers; the token appears here and never again.</summary>
public sealed record SignInView(string Token, DateTimeOffset ExpiresAt, int IdleTimeoutMinutes, SignedInUser User, SignedInOrg Org,
    string RoleId);

/// <summary>How a sign-in ended. Every refusal that would tell an account exists is <see cref="InvalidCredentials"/>.</summary>
public abstract record SignInOutcome
{
    public sealed record SignedIn(SignInView View) : SignInOutcome;

    /// <summary>Unknown email, unknown org, no membership, no password set, or a wrong password: one answer for all.</summary>
    public sealed record InvalidCredentials : SignInOutcome;

    /// <summary>The org's login attempts are used up (423): says the account exists, which the issue accepts (ADR 0019).</summary>
    public sealed record Locked : SignInOutcome;

    /// <summary>The right password of a suspended membership (403); a wrong one is <see cref="InvalidCredentials"/>.</summary>
    public sealed record Suspended : SignInOutcome;

    /// <summary>Every conditional write lost its race to other tries of the same membership: nothing was checked (503).</summary>
    public sealed record Busy : SignInOutcome;
}
