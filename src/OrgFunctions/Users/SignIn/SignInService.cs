using System.Globalization;
using OrgFunctions.Domain.Users;
using OrgFunctions.Orgs;
using static OrgFunctions.Users.SignIn.MembershipLockout;

namespace OrgFunctions.Users.SignIn;

/// <summary>
/// Sign-in to one org (ADR 0019): the user by email and the org at once, then the membership; a try is counted and
/// stored before its password is checked (<see cref="MembershipLockout"/>), and a right password starts a session.
/// Whatever is missing (user, org, membership, password), exactly one password verification is still done, against a
/// decoy, and the answer is the same as for a wrong password.
/// </summary>
public sealed class SignInService(UserStore users, OrgStore orgs, MembershipStore memberships, MembershipLockout lockout,
    Passwords passwords, SessionStore sessions, SessionAuthenticator sessionPolicy, TimeProvider clock)
{
    private static readonly SignInOutcome Invalid = new SignInOutcome.InvalidCredentials();

    public async Task<SignInOutcome> SignInAsync(SignInRequest request, CancellationToken cancellationToken)
    {
        var userRead = users.FindByEmailAsync(request.Email, cancellationToken);
        var orgRead = FindOrgAsync(request.OrgId.Value, cancellationToken);
        await Task.WhenAll(userRead, orgRead);
        var (user, org) = (userRead.Result, orgRead.Result);
        var membership = user is null || org is null ? null : await memberships.GetAsync(org.Org.Path, user.Id, cancellationToken);
        if (membership is null || user!.PasswordHash is null)
        {
            return Decoy(request.Password);
        }

        var loginAttempts = Convert.ToInt32(org!.Settings["loginAttempts"].Value, CultureInfo.InvariantCulture);
        var admission = await lockout.AdmitAsync(membership, loginAttempts, cancellationToken);
        switch (admission.Result)
        {
            case Decision.Gone:
                return Decoy(request.Password);
            case Decision.Busy:
                return new SignInOutcome.Busy();
            case Decision.Locked:
                return new SignInOutcome.Locked();
            case Decision.Suspended:
                // Checked all the same: only the right password learns of the suspension.
                return passwords.Verify(user.PasswordHash, request.Password) == Passwords.Verification.Wrong
                    ? Invalid
                    : new SignInOutcome.Suspended();
        }

        var verification = passwords.Verify(user.PasswordHash, request.Password);
        if (verification == Passwords.Verification.Wrong)
        {
            await lockout.RejectAsync(admission.Record!, loginAttempts, cancellationToken);
            return Invalid;
        }
        var accepted = await lockout.AcceptAsync(admission.Record!, cancellationToken);
        switch (accepted.Result)
        {
            case Decision.Gone:
                return Invalid;
            case Decision.Busy:
                return new SignInOutcome.Busy();
            case Decision.Locked:
                return new SignInOutcome.Locked();
            case Decision.Suspended:
                return new SignInOutcome.Suspended();
        }
        if (verification == Passwords.Verification.RehashNeeded)
        {
            // Losing this race to a concurrent change of the user is harmless: the next sign-in rehashes.
            await users.SetPasswordHashAsync(user, passwords.Hash(request.Password), cancellationToken);
        }

        var (token, session) = await sessions.StartAsync(user.Id, org.Org.Path, clock.GetUtcNow(), cancellationToken);
        var policy = sessionPolicy.PolicyOf(org);
        return new SignInOutcome.SignedIn(new SignInView(
            token.Token,
            policy.ExpiresAt(session.SignedInAt, session.LastUsedAt),
            (int)policy.IdleTimeout.TotalMinutes,
            new SignedInUser(user.Id, user.Email.Value, user.DisplayName),
            new SignedInOrg(org.Org.Id.Value, org.Org.Name.Value),
            accepted.Record!.Membership.RoleId));
    }

    private SignInOutcome Decoy(string password)
    {
        passwords.Verify(null, password);
        return Invalid;
    }

    private async Task<OrgRecord?> FindOrgAsync(string orgId, CancellationToken cancellationToken) =>
        await orgs.LocateAsync(orgId, cancellationToken) is { } location ? await orgs.GetAsync(location, cancellationToken) : null;
}
