using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OrgFunctions.Http;

/// <summary>The problems of sign-in, sessions and password links (ADR 0019).</summary>
public static class SignInProblems
{
    /// <summary>One body for an unknown email, an unknown org, no membership, no password set and a wrong password.</summary>
    public static IActionResult InvalidCredentials() => Problems.Problem(StatusCodes.Status401Unauthorized, "invalid-credentials",
        "The email, password or org is not right.", "Check them and try again.");

    public static IActionResult AccountLocked() => Problems.Problem(StatusCodes.Status423Locked, "account-locked",
        "Sign-in to this org is locked.", "Too many wrong passwords: an administrator of the org must unlock the account.");

    public static IActionResult AccountSuspended() => Problems.Problem(StatusCodes.Status403Forbidden, "account-suspended",
        "The account is suspended in this org.", "An administrator of the org suspended it.");

    public static IActionResult Busy() => Problems.Problem(StatusCodes.Status503ServiceUnavailable, "sign-in-busy",
        "Too many sign-ins to this account at once.", "Nothing was checked; try again in a moment.");

    /// <summary>A route for a signed-in user called with an API key (which acts for an org, not a person).</summary>
    public static IActionResult SessionRequired() => Problems.Problem(StatusCodes.Status401Unauthorized, "session-required",
        "This route needs a signed-in user's session.", "Sign in with POST /api/auth/sign-in and send its token as 'Authorization: Bearer <token>'.");

    public static IActionResult TokenGone() => Problems.Problem(StatusCodes.Status410Gone, "token-gone",
        "The link is no longer valid.", "It was used, has expired or never existed.");
}
