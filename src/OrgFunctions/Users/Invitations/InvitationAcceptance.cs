using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Users;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Roles;
using OrgFunctions.Storage;

namespace OrgFunctions.Users.Invitations;

/// <summary>
/// What the holder of an accept link can do, without an API key: see whom it is from, and accept it (ADR 0020). Accepting
/// makes the membership, marks the invitation accepted (conditional on its ETag: of racing accepts exactly one wins) and
/// touches the role (a role deleted meanwhile refuses it) in one transaction with <c>user.joined</c>. A new email gets an
/// account first; an email with an account must be signed in as it, except for an account an earlier accept of this
/// link created whose transaction then failed: it has no membership anywhere, and its password proves the person.
/// </summary>
public sealed class InvitationAcceptance(InvitationStore invitations, OrgStore orgs, RoleStore roles, UserStore users, MembershipStore memberships,
    Passwords passwords, EventFactory events, TimeProvider clock)
{
    public async Task<Outcome<InvitationPreview>> PreviewAsync(string token, CancellationToken cancellationToken)
    {
        var found = await FindLiveAsync(token, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var (invitation, org) = found.Value;
        return new InvitationPreview(new PreviewOrg(org.Org.Name.Value), new PreviewInviter(invitation.InviterName), invitation.Invitation.ExpiresAt);
    }

    public async Task<Outcome<AcceptedInvitationView>> AcceptAsync(string token, AcceptRequest request, Authentication identity,
        CancellationToken cancellationToken)
    {
        var found = await FindLiveAsync(token, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var (current, _) = found.Value;
        var invitation = current.Invitation;
        var path = current.Path;

        var user = await users.FindByEmailAsync(invitation.Email, cancellationToken);
        if (user is null)
        {
            var errors = new FieldErrors();
            if (request.DisplayName is null)
            {
                errors.Add("displayName", "is required for a new account");
            }
            if (request.Password is null)
            {
                errors.Add("password", "is required for a new account");
            }
            else if (PasswordPolicy.Problem(request.Password, invitation.Email) is { } weak)
            {
                errors.Add("password", weak);
            }
            if (errors.Any)
            {
                return new Failure.Invalid(errors);
            }
            var now = clock.GetUtcNow();
            user = await users.CreateAsync(invitation.Email, request.DisplayName!, passwords.Hash(request.Password!), now, cancellationToken);
            if (user is null)
            {
                // A racing accept created the account meanwhile: this request is judged as one for an existing account.
                var created = await users.FindByEmailAsync(invitation.Email, cancellationToken);
                if (created is null)
                {
                    return new Failure.Conflict("The account is being created by another request; retry.");
                }
                if (await MayActAsAsync(created, request, identity, cancellationToken) is { } refusedRace)
                {
                    return await RefusedAsync(token, refusedRace, cancellationToken);
                }
                user = created;
            }
        }
        else if (await MayActAsAsync(user, request, identity, cancellationToken) is { } refused)
        {
            return await RefusedAsync(token, refused, cancellationToken);
        }

        if (await memberships.GetAsync(path, user.Id, cancellationToken) is not null)
        {
            return new Failure.Conflict("You are already a member of this org.");
        }
        var role = await roles.GetAsync(path, invitation.RoleId, cancellationToken);
        if (role is null)
        {
            return new Failure.Conflict("The invited role no longer exists; ask for a new invitation.");
        }
        var joinedAt = clock.GetUtcNow();
        invitation.Accept(joinedAt);
        await users.AddOrgAsync(user.Id, path, cancellationToken);
        var partition = path.RootId.Value;
        var result = await orgs.SubmitAsync(
        [
            new(TableTransactionActionType.Add, MembershipRow.Create(path, Membership.Join(user.Id, path.OrgId, role.Role.Id), user.Email.Value,
                user.DisplayName, joinedAt)),
            new(TableTransactionActionType.UpdateReplace, InvitationRow.Updated(current, acceptedBy: user.Id), current.ETag),
            new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, RowKeys.Role(path.OrgId, role.Role.Id)), role.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.UserJoined, path.OrgId.Value, "user:" + user.Id,
                new JsonObject { ["userId"] = user.Id, ["roleId"] = role.Role.Id, ["invitationId"] = invitation.Id })),
        ], cancellationToken);
        if (!result.Applied)
        {
            return await LostAsync(path, invitation.Id, result, cancellationToken);
        }
        return new AcceptedInvitationView(user.Id, path.OrgId.Value, role.Role.Id);
    }

    /// <summary>
    /// Null when the request may act as <paramref name="user"/>: signed in as them (a session of any of their orgs), or not
    /// signed in with the password of an account that has no membership at all (one a failed accept of this link created).
    /// </summary>
    private async Task<Failure?> MayActAsAsync(UserRecord user, AcceptRequest request, Authentication identity, CancellationToken cancellationToken)
    {
        if (identity.Caller?.UserId is { } signedIn)
        {
            return signedIn == user.Id ? null : new InvitationFailures.OtherUser();
        }
        if (request.Password is not null && !await HasMembershipAsync(user.Id, cancellationToken)
            && passwords.Verify(user.PasswordHash, request.Password) != Passwords.Verification.Wrong)
        {
            return null;
        }
        return new InvitationFailures.SignInRequired(identity.Refusal == AuthenticationRefusal.SessionExpired);
    }

    /// <summary>
    /// A refusal to act as the account, unless the link was spent meanwhile: a racing accept that created the account may
    /// have joined with it since this request read the invitation, and then the answer is the link's (410).
    /// </summary>
    private async Task<Failure> RefusedAsync(string token, Failure refusal, CancellationToken cancellationToken) =>
        (await FindLiveAsync(token, cancellationToken)).Failure ?? refusal;

    private async Task<bool> HasMembershipAsync(string userId, CancellationToken cancellationToken)
    {
        foreach (var org in await users.OrgsAsync(userId, cancellationToken))
        {
            if (await memberships.GetAsync(org, userId, cancellationToken) is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Why the transaction was refused: the invitation changed (a racing accept, a revoke, a resend) or a row existed.</summary>
    private async Task<Failure> LostAsync(Domain.Orgs.OrgPath path, string invitationId, WriteResult result, CancellationToken cancellationToken)
    {
        var now = await invitations.GetAsync(path, invitationId, cancellationToken);
        if (now is null || now.Invitation.StatusAt(clock.GetUtcNow()) != InvitationStatus.Pending)
        {
            return new InvitationFailures.Gone("The invitation was used, revoked or has expired.");
        }
        return result.IsStale
            ? new Failure.Conflict("The invitation or its role changed meanwhile; retry.")
            : new Failure.Conflict("You are already a member of this org.");
    }

    /// <summary>The pending invitation a token is the current link of, with its live org; 404 for an unknown token, 410 for a spent one.</summary>
    private async Task<Outcome<(InvitationRecord Invitation, OrgRecord Org)>> FindLiveAsync(string token, CancellationToken cancellationToken)
    {
        if (!UserToken.TryParse(token, TokenPurpose.Invitation, out var parsed))
        {
            return new Failure.NotFound("invitation");
        }
        var invitation = await invitations.FindByTokenAsync(parsed, cancellationToken);
        if (invitation is null)
        {
            return new Failure.NotFound("invitation");
        }
        if (invitation.TokenHash != parsed.Hash)
        {
            return new InvitationFailures.Gone("The invitation was sent again with a new link; use the newest one.");
        }
        if (invitation.Invitation.StatusAt(clock.GetUtcNow()) is var status && status != InvitationStatus.Pending)
        {
            return new InvitationFailures.Gone($"The invitation was {InvitationRow.StatusName(status)}.");
        }
        var org = await orgs.GetAsync(new OrgLocation(invitation.Path.OrgId, invitation.Path), cancellationToken);
        if (org is null)
        {
            return new InvitationFailures.Gone("The org no longer exists.");
        }
        return (invitation, org);
    }
}
