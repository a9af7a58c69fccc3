using System.Diagnostics.CodeAnalysis;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Users;

/// <summary>
/// An invitation to join an org with a role. It is pending until accepted, revoked or past its expiry; only a pending
/// one can be accepted, and accepting or revoking is final. A resend gives it a fresh expiry of the same length.
/// </summary>
public sealed class Invitation
{
    public const int DefaultDays = 7;
    public const int MaxDays = 30;

    private Invitation(string id, OrgId orgId, EmailAddress email, string roleId, string invitedBy, DateTimeOffset sentAt,
        DateTimeOffset expiresAt, InvitationStatus stored)
    {
        Id = id;
        OrgId = orgId;
        Email = email;
        RoleId = roleId;
        InvitedBy = invitedBy;
        SentAt = sentAt;
        ExpiresAt = expiresAt;
        Stored = stored;
    }

    public string Id { get; }
    public OrgId OrgId { get; }
    public EmailAddress Email { get; }
    public string RoleId { get; }
    public string InvitedBy { get; }
    /// <summary>When it was last sent: created, or resent.</summary>
    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The status as stored: never <see cref="InvitationStatus.Expired"/>, which depends on the time it is read.</summary>
    public InvitationStatus Stored { get; private set; }

    /// <summary>The days an invitation lasts, or why <paramref name="days"/> can't be (null means the default).</summary>
    public static bool TryLifetime(int? days, out TimeSpan lifetime, [NotNullWhen(false)] out string? error)
    {
        var value = days ?? DefaultDays;
        lifetime = TimeSpan.FromDays(value);
        error = value is < 1 or > MaxDays ? $"must be from 1 to {MaxDays}" : null;
        return error is null;
    }

    public static Invitation Create(string id, OrgId orgId, EmailAddress email, string roleId, string invitedBy, DateTimeOffset now,
        TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(MaxDays))
        {
            throw new DomainException($"An invitation lasts from a moment to {MaxDays} days.");
        }
        if (string.IsNullOrWhiteSpace(roleId))
        {
            throw new DomainException("An invitation needs a role.");
        }
        return new Invitation(id, orgId, email, roleId, invitedBy, now, now + lifetime, InvitationStatus.Pending);
    }

    public static Invitation Restore(string id, OrgId orgId, EmailAddress email, string roleId, string invitedBy, DateTimeOffset sentAt,
        DateTimeOffset expiresAt, InvitationStatus stored) =>
        new(id, orgId, email, roleId, invitedBy, sentAt, expiresAt, stored);

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        Stored == InvitationStatus.Pending && now >= ExpiresAt ? InvitationStatus.Expired : Stored;

    public void Accept(DateTimeOffset now)
    {
        RequirePending(now, "accepted");
        Stored = InvitationStatus.Accepted;
    }

    public void Revoke()
    {
        if (Stored != InvitationStatus.Pending)
        {
            throw new DomainException($"An invitation that is {Stored.ToString().ToLowerInvariant()} can't be revoked.");
        }
        Stored = InvitationStatus.Revoked;
    }

    /// <summary>Sends it again with a fresh expiry as long as the first; an expired one can be resent, a used one can't.</summary>
    public void Resend(DateTimeOffset now)
    {
        if (Stored != InvitationStatus.Pending)
        {
            throw new DomainException($"An invitation that is {Stored.ToString().ToLowerInvariant()} can't be resent.");
        }
        var lifetime = ExpiresAt - SentAt;
        SentAt = now;
        ExpiresAt = now + lifetime;
    }

    private void RequirePending(DateTimeOffset now, string what)
    {
        var status = StatusAt(now);
        if (status != InvitationStatus.Pending)
        {
            throw new DomainException($"An invitation that is {status.ToString().ToLowerInvariant()} can't be {what}.");
        }
    }
}
