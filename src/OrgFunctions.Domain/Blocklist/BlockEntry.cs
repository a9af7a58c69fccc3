namespace OrgFunctions.Domain.Blocklist;

/// <summary>
/// One blocked sender of an org: nothing is sent to it, and what it sends is not acted on, until <see cref="Until"/>
/// (null: permanently).
/// </summary>
public sealed record BlockEntry(Channel Channel, string Identifier, string Reason, DateTimeOffset? Until, DateTimeOffset AddedAt, string Source)
{
    public const int MaxReasonLength = 200;
    public const string StopReplyReason = "stop-reply";

    public bool IsActiveAt(DateTimeOffset now) => Until is null || Until > now;
}
