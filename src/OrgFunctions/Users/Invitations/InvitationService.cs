using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Users;
using OrgFunctions.Email;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Roles;
using OrgFunctions.Storage;

namespace OrgFunctions.Users.Invitations;

/// <summary>
/// An org's invitations as its <c>users.manage</c> holders see them: invite, list, revoke, resend (ADR 0020). An invitation
/// can't grant a permission the caller's own role lacks. The accept link's token is in the answer that sends it and in the
/// email only; storage keeps its hash, found through an index row written before the transaction.
/// </summary>
public sealed class InvitationService(InvitationStore invitations, OrgStore orgs, RoleStore roles, UserStore users, MembershipStore memberships,
    InvitationEmail emails, EmailOutbox outbox, EventFactory events, TimeProvider clock)
{
    public static readonly PageLimits Limits = new(50, 200);

    public async Task<Outcome<SentInvitationView>> InviteAsync(OrgScope scope, InvitationRequest request, CancellationToken cancellationToken)
    {
        var (caller, path) = (scope.Caller, scope.Path);
        var role = await roles.GetAsync(path, request.RoleId, cancellationToken);
        if (role is null)
        {
            return Failure.Field("roleId", "is not a role of this org");
        }
        if (role.Role.Permissions.FirstOrDefault(p => !caller.Role.Grants(p)) is { } beyond)
        {
            return new Failure.Forbidden(beyond);
        }
        if (await users.FindByEmailAsync(request.Email, cancellationToken) is { } user
            && await memberships.GetAsync(path, user.Id, cancellationToken) is not null)
        {
            return new Failure.Conflict("That email is already a member of this org.");
        }

        var invitation = Invitation.Create(InvitationRow.NewId(), path.OrgId, request.Email, role.Role.Id, caller.Actor, clock.GetUtcNow(),
            request.Lifetime);
        var inviterName = await InviterNameAsync(scope, cancellationToken);
        var token = UserToken.Issue(TokenPurpose.Invitation);
        var acceptUrl = emails.AcceptUrl(token);
        await invitations.IndexAsync(path, invitation.Id, token, cancellationToken);
        var partition = scope.TreePartition;
        var result = await orgs.SubmitAsync(
        [
            new(TableTransactionActionType.Add, InvitationRow.Create(path, invitation, inviterName, token.Hash)),
            // Touching the role with its ETag makes the invitation and a concurrent delete of the role exclusive.
            new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, RowKeys.Role(path.OrgId, role.Role.Id)), role.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.UserInvited, path.OrgId.Value, caller.Actor, new JsonObject
            {
                ["invitationId"] = invitation.Id, ["email"] = invitation.Email.Value, ["roleId"] = invitation.RoleId,
                ["expiresAt"] = invitation.ExpiresAt.ToString("O"),
            })),
            outbox.Add(partition, emails.Compose(invitation, scope.Org.Org.Name.Value, inviterName, acceptUrl)),
        ], cancellationToken);
        if (!result.Applied)
        {
            return new Failure.Conflict("The role changed meanwhile; retry.");
        }
        return Sent(invitation, acceptUrl);
    }

    public async Task<Outcome<ListPage<InvitationView>>> ListAsync(OrgScope scope, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await invitations.PageAsync(scope.Path, page, cancellationToken);
        var now = clock.GetUtcNow();
        return new ListPage<InvitationView>(found.Items.Select(i => InvitationView.From(i, now)).ToList(), found.ContinuationToken);
    }

    /// <summary>Revokes a pending (or expired) invitation; revoking a revoked one changes nothing; an accepted one can't be.</summary>
    public async Task<Outcome<bool>> RevokeAsync(OrgScope scope, string invitationId, CancellationToken cancellationToken)
    {
        var current = await invitations.GetAsync(scope.Path, invitationId, cancellationToken);
        if (current is null)
        {
            return new Failure.NotFound("invitation");
        }
        switch (current.Invitation.Stored)
        {
            case InvitationStatus.Revoked:
                return true;
            case InvitationStatus.Accepted:
                return new Failure.Conflict("The invitation was accepted; remove the membership instead.");
        }
        current.Invitation.Revoke();
        var result = await orgs.SubmitAsync(
        [
            new(TableTransactionActionType.UpdateReplace, InvitationRow.Updated(current), current.ETag),
            OutboxRows.Add(scope.TreePartition, events.Create(EventTypes.InvitationRevoked, scope.Path.OrgId.Value, scope.Caller.Actor,
                new JsonObject { ["invitationId"] = current.Invitation.Id })),
        ], cancellationToken);
        return result.Applied ? true : new Failure.Conflict("The invitation changed meanwhile; retry.");
    }

    /// <summary>
    /// Sends a pending (or expired) invitation again: a new token (the old link stops working, as the invitation now holds
    /// the new one's hash), a fresh expiry of the same length, a new email.
    /// </summary>
    public async Task<Outcome<SentInvitationView>> ResendAsync(OrgScope scope, string invitationId, CancellationToken cancellationToken)
    {
        var (caller, path) = (scope.Caller, scope.Path);
        var current = await invitations.GetAsync(path, invitationId, cancellationToken);
        if (current is null)
        {
            return new Failure.NotFound("invitation");
        }
        if (current.Invitation.Stored != InvitationStatus.Pending)
        {
            return new Failure.Conflict($"The invitation was {InvitationRow.StatusName(current.Invitation.Stored)}; it can't be sent again.");
        }
        // Sending it again grants again: the same rule as inviting.
        var role = await roles.GetAsync(path, current.Invitation.RoleId, cancellationToken);
        if (role is null)
        {
            return new Failure.Conflict("The invited role no longer exists; revoke this invitation and invite again.");
        }
        if (role.Role.Permissions.FirstOrDefault(p => !caller.Role.Grants(p)) is { } beyond)
        {
            return new Failure.Forbidden(beyond);
        }

        var invitation = current.Invitation;
        invitation.Resend(clock.GetUtcNow());
        var token = UserToken.Issue(TokenPurpose.Invitation);
        var acceptUrl = emails.AcceptUrl(token);
        await invitations.IndexAsync(path, invitation.Id, token, cancellationToken);
        var result = await orgs.SubmitAsync(
        [
            new(TableTransactionActionType.UpdateReplace, InvitationRow.Updated(current, tokenHash: token.Hash), current.ETag),
            OutboxRows.Add(scope.TreePartition, events.Create(EventTypes.InvitationResent, path.OrgId.Value, caller.Actor,
                new JsonObject { ["invitationId"] = invitation.Id, ["expiresAt"] = invitation.ExpiresAt.ToString("O") })),
            outbox.Add(scope.TreePartition, emails.Compose(invitation, scope.Org.Org.Name.Value, current.InviterName, acceptUrl)),
        ], cancellationToken);
        if (!result.Applied)
        {
            return new Failure.Conflict("The invitation changed meanwhile; retry.");
        }
        return Sent(invitation, acceptUrl);
    }

    private SentInvitationView Sent(Invitation invitation, string acceptUrl) => new(invitation.Id, invitation.Email.Value, invitation.RoleId,
        InvitationRow.StatusName(invitation.StatusAt(clock.GetUtcNow())), invitation.ExpiresAt, acceptUrl);

    /// <summary>A user inviting is named by their display name; an API key by the name of the org it belongs to.</summary>
    private async Task<string> InviterNameAsync(OrgScope scope, CancellationToken cancellationToken)
    {
        var caller = scope.Caller;
        if (caller.UserId is { } userId && await users.GetAsync(userId, cancellationToken) is { } user)
        {
            return user.DisplayName;
        }
        if (caller.OrgPath == scope.Path)
        {
            return scope.Org.Org.Name.Value;
        }
        var keyOrg = await orgs.GetAsync(new OrgLocation(caller.OrgPath.OrgId, caller.OrgPath), cancellationToken);
        return keyOrg?.Org.Name.Value ?? scope.Org.Org.Name.Value;
    }
}
