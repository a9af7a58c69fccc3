using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Users;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Users.SignIn;

/// <summary>
/// The lockout's storage transitions (ADR 0019), each a write of the membership row conditional on the ETag it was
/// decided on, re-read and decided again when another try got there first (412). A try is counted (<see cref="AdmitAsync"/>)
/// and that count stored before its password may be checked, so however many tries race, at most the org's login
/// attempts check a password; the write that locks carries the <c>user.locked</c> event, so it is emitted once.
/// </summary>
public sealed class MembershipLockout(OrgTables tables, MembershipStore memberships, OrgStore orgs, EventFactory events, TimeProvider clock)
{
    public const string Actor = "system:sign-in";

    // Each round some racing try's write succeeds, and a membership takes at most its login attempts (≤ 20) plus one
    // lock before every try is refused without a write: this bound is only reached by a flood of right passwords.
    private const int MaxRounds = 40;

    /// <summary>Counts a try, or says why it can't check a password. <see cref="Admission.Record"/> is the row as stored after.</summary>
    public async Task<Admission> AdmitAsync(MembershipRecord current, int loginAttempts, CancellationToken cancellationToken)
    {
        MembershipRecord? record = current;
        for (var round = 0; round < MaxRounds && record is not null; round++)
        {
            var wasLocked = record.Membership.IsLocked;
            var admission = record.Membership.Admit(loginAttempts, clock.GetUtcNow());
            if (admission == SignInAdmission.Suspended || (admission == SignInAdmission.Locked && wasLocked))
            {
                return new Admission(admission, record);
            }
            var written = admission == SignInAdmission.Locked
                ? await LockAsync(record, cancellationToken)
                : await ReplaceAsync(record, cancellationToken);
            if (written is not null)
            {
                return new Admission(admission, written);
            }
            record = await memberships.GetAsync(record.Path, record.Membership.UserId, cancellationToken);
        }
        return record is null ? Admission.Gone : Admission.Busy;
    }

    /// <summary>An admitted try's password was wrong: locks the membership when that was the org's last try.</summary>
    public async Task RejectAsync(MembershipRecord admitted, int loginAttempts, CancellationToken cancellationToken)
    {
        MembershipRecord? record = admitted;
        for (var round = 0; round < MaxRounds && record is not null; round++)
        {
            if (!record.Membership.PasswordRejected(loginAttempts, clock.GetUtcNow())
                || await LockAsync(record, cancellationToken) is not null)
            {
                return;
            }
            record = await memberships.GetAsync(record.Path, record.Membership.UserId, cancellationToken);
        }
    }

    /// <summary>
    /// An admitted try's password was right: the count starts again. Locked, suspended or removed meanwhile (by a racing
    /// try or an admin), that holds and is the answer instead.
    /// </summary>
    public async Task<Admission> AcceptAsync(MembershipRecord admitted, CancellationToken cancellationToken)
    {
        MembershipRecord? record = admitted;
        for (var round = 0; round < MaxRounds && record is not null; round++)
        {
            if (record.Membership.IsLocked)
            {
                return new Admission(SignInAdmission.Locked, record);
            }
            if (record.Membership.Status == MembershipStatus.Suspended)
            {
                return new Admission(SignInAdmission.Suspended, record);
            }
            record.Membership.PasswordAccepted();
            if (await ReplaceAsync(record, cancellationToken) is { } written)
            {
                return new Admission(SignInAdmission.Admitted, written);
            }
            record = await memberships.GetAsync(record.Path, record.Membership.UserId, cancellationToken);
        }
        return record is null ? Admission.Gone : Admission.Busy;
    }

    private async Task<MembershipRecord?> ReplaceAsync(MembershipRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Orgs.UpdateEntityAsync(MembershipRow.Updated(record), record.ETag, TableUpdateMode.Replace,
                cancellationToken);
            return record with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Stores the lock and its <c>user.locked</c> event in one transaction.</summary>
    private async Task<MembershipRecord?> LockAsync(MembershipRecord record, CancellationToken cancellationToken)
    {
        var partition = record.Path.RootId.Value;
        var write = await orgs.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, MembershipRow.Updated(record), record.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.UserLocked, record.Path.OrgId.Value, Actor,
                new JsonObject { ["userId"] = record.Membership.UserId })),
        ], cancellationToken);
        // The batch answers no ETag for the row; nothing writes it after a lock, and a write on this one would be refused.
        return write.Applied ? record : null;
    }

    /// <summary>What a try may do, and the membership as stored when that was decided.</summary>
    public sealed record Admission(Decision Result, MembershipRecord? Record)
    {
        public static readonly Admission Gone = new(Decision.Gone, null);
        public static readonly Admission Busy = new(Decision.Busy, null);

        public Admission(SignInAdmission admission, MembershipRecord record)
            : this(admission switch
            {
                SignInAdmission.Admitted => Decision.Admitted,
                SignInAdmission.Locked => Decision.Locked,
                _ => Decision.Suspended,
            }, record)
        {
        }
    }

    public enum Decision
    {
        /// <summary>Counted (or, after a right password, the count reset): the password may be checked.</summary>
        Admitted,
        Locked,
        Suspended,

        /// <summary>The membership was removed meanwhile.</summary>
        Gone,

        /// <summary>Every round lost its race: nothing was decided.</summary>
        Busy,
    }
}
