using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.ApiKeys;
using OrgFunctions.Application;
using OrgFunctions.Domain.ApiKeys;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Settings;
using OrgFunctions.FileDrops;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Roles;
using OrgFunctions.Storage;
using OrgFunctions.Users;
using OrgFunctions.Workspaces;
using OrgFunctions.Domain.Users;
using OrgFunctions.Email;
using OrgFunctions.Users.SignIn;

namespace OrgFunctions.Signup;

/// <summary>
/// Sign-up: a root org with its system roles, owner's membership, default workspace and owner API key, all in one transaction
/// of the new tree's partition. One root org per owner email: the email's index row is claimed first. The org's SFTP home
/// (its own container) is made before the transaction, so an org never exists without it; a sign-up that fails after it
/// leaves an empty home of no org, whose drops are refused.
/// </summary>
public sealed class SignupService(OrgTables tables, UserStore users, Passwords passwords, PasswordSetup passwordSetup, EventFactory events,
    FileDropHomes homes, TimeProvider clock)
{
    public const string DefaultWorkspaceName = Domain.Workspaces.Workspace.DefaultName;

    private static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(5);

    public async Task<Outcome<SignupResult>> SignUpAsync(SignupRequest request, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var now = clock.GetUtcNow();
        var org = Org.CreateRoot(OrgId.New(), request.OrgName, now);
        var settings = OrgSettings.ForRoot();
        var (key, secret) = ApiKey.Issue(org.Id, "Owner key", SystemRoles.OwnerId, now);
        var partition = org.Path.RootId.Value;

        if (!await ClaimOwnerEmailAsync(request.OwnerEmail, org.Id, cancellationToken))
        {
            return new Failure.Conflict("An organisation is already registered for this owner email.");
        }
        // The owner may already be a user (a member of another tree): the new org is then one more of theirs.
        var ownerEmail = EmailAddress.Create(request.OwnerEmail);
        // An existing account keeps its password: sign-up never changes one (owner.password is then ignored).
        var owner = await users.FindByEmailAsync(ownerEmail, cancellationToken)
            ?? await users.CreateAsync(ownerEmail, request.OwnerDisplayName,
                request.OwnerPassword is null ? null : passwords.Hash(request.OwnerPassword), now, cancellationToken)
            ?? await users.FindByEmailAsync(ownerEmail, cancellationToken);
        if (owner is null)
        {
            return new Failure.Conflict("The owner's account is being created by another request; retry.");
        }
        var ownerId = owner.Id;
        await users.AddOrgAsync(ownerId, org.Path, cancellationToken);
        // Index rows only locate; written first, a failed transaction leaves them pointing at nothing.
        await tables.Index.UpsertEntityAsync(OrgRow.Index(org), TableUpdateMode.Replace, cancellationToken);
        await tables.Index.UpsertEntityAsync(ApiKeyRow.Index(org.Path, key.Id), TableUpdateMode.Replace, cancellationToken);

        var actor = "signup:" + ownerId;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, OrgRow.Create(org, settings, now)),
            new(TableTransactionActionType.Add, OrgRow.NameReservation(org)),
            new(TableTransactionActionType.Add, ApiKeyRow.Create(org.Path, key)),
            new(TableTransactionActionType.Add, MembershipRow.Create(org.Path, Membership.Join(ownerId, org.Id, SystemRoles.OwnerId),
                owner.Email.Value, owner.DisplayName, now)),
            new(TableTransactionActionType.Add, WorkspaceEntity.Default(org.Path, now)),
            new(TableTransactionActionType.Add, WorkspaceRow.NameReservation(org.Path, Domain.Workspaces.Workspace.Default(now))),
            OutboxRows.Add(partition, events.Create(EventTypes.OrgCreated, org.Id.Value, actor,
                new JsonObject { ["name"] = org.Name.Value, ["parentId"] = null })),
            OutboxRows.Add(partition, events.Create(EventTypes.UserJoined, org.Id.Value, actor,
                new JsonObject { ["userId"] = ownerId, ["roleId"] = SystemRoles.OwnerId })),
            OutboxRows.Add(partition, events.Create(EventTypes.ApiKeyCreated, org.Id.Value, actor,
                new JsonObject { ["keyId"] = key.Id, ["name"] = key.Name, ["roleId"] = key.RoleId })),
        };
        actions.AddRange(SystemRoles.Create().Select(role => new TableTransactionAction(TableTransactionActionType.Add, RoleRow.Create(org.Path, role))));
        // An owner without a password (a new account that sent none) is emailed a link to set one, with the org.
        if (owner.PasswordHash is null)
        {
            actions.Add(await passwordSetup.IssueAsync(owner, org.Name.Value, partition, cancellationToken));
            await EmailOutbox.MarkAsync(tables.Index, partition, cancellationToken);
        }
        await homes.CreateAsync(org.Id, cancellationToken);
        await PendingTrees.MarkAsync(tables.Index, partition, cancellationToken);
        await tables.Orgs.SubmitTransactionAsync(actions, cancellationToken);

        return new SignupResult(
            OrgView.From(new OrgRecord(org, settings, now, default)),
            new OwnerView(ownerId, request.OwnerEmail, request.OwnerDisplayName, SystemRoles.OwnerId),
            new NewApiKeyView(key.Id, key.Name, key.RoleId, key.CreatedAt, secret.Token));
    }

    /// <summary>
    /// Claims the email for <paramref name="rootId"/>. A claim whose sign-up never completed (its org row doesn't
    /// exist) is taken over, so a crash mid-sign-up doesn't lock the email out forever.
    /// </summary>
    private async Task<bool> ClaimOwnerEmailAsync(string email, OrgId rootId, CancellationToken cancellationToken)
    {
        var claim = new OwnerClaimEntity { PartitionKey = IndexKeys.OwnerEmail(email), RowKey = IndexKeys.RowKey, RootId = rootId.Value };
        try
        {
            await tables.Index.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await tables.Index.GetEntityAsync<OwnerClaimEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            var claimedRoot = OrgId.Parse(existing.Value.RootId);
            var org = await tables.Orgs.GetEntityIfExistsAsync<TableEntity>(claimedRoot.Value, RowKeys.Org(OrgPath.Root(claimedRoot)),
                select: ["Status"], cancellationToken: cancellationToken);
            // A fresh claim may belong to a sign-up still in flight: only an abandoned one is taken over.
            if (org.HasValue || clock.GetUtcNow() - existing.Value.Timestamp < AbandonedClaimAge)
            {
                return false;
            }
            try
            {
                await tables.Index.UpdateEntityAsync(claim, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException race) when (race.Status == 412)
            {
                return false;
            }
        }
    }
}
