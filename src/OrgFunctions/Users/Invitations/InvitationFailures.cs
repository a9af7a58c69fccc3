using OrgFunctions.Application;

namespace OrgFunctions.Users.Invitations;

/// <summary>Why an accept link does nothing, beyond the app's common failures; <c>InvitationsFunctions</c> answers them.</summary>
public static class InvitationFailures
{
    /// <summary>The link was used, revoked, replaced by a resend, or expired; or its org was deleted: 410 <c>invitation-gone</c>.</summary>
    public sealed record Gone(string Detail) : Failure;

    /// <summary>The email has an account, and the request isn't signed in as a user: 401 (<c>session-expired</c> for an ended session).</summary>
    public sealed record SignInRequired(bool SessionExpired) : Failure;

    /// <summary>Signed in as a user whose email isn't the invited one: 403.</summary>
    public sealed record OtherUser : Failure;
}
