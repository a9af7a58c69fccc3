using OrgFunctions.Storage;

namespace OrgFunctions.SenderIds;

/// <summary>
/// A sender ID held by an org: RowKey <c>sender:{orgId}:{senderId}</c> of the tree's partition (<see cref="SenderIdRow"/>
/// maps it). The columns are those provisioning's copies always had (Kind, SenderId, OrgId, AttachedFrom) and the address.
/// </summary>
public sealed class SenderIdEntity : TableRow
{
    public string Kind { get; set; } = "sender";
    public string SenderId { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string? Channel { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    public string? AttachedFrom { get; set; }

    /// <summary>Written by nothing now: the phone number of a row made before sender IDs had channels (read as sms).</summary>
    public string? Number { get; set; }
}

/// <summary>
/// The claim of an address by one tree: PartitionKey <see cref="IndexKeys.SenderAddress"/> of the OrgIndex table. It names the
/// tree and the id the address has there (the root's row <c>sender:{rootId}:{senderId}</c> is the registration).
/// </summary>
public sealed class SenderClaimEntity : TableRow
{
    public string RootId { get; set; } = "";
    public string SenderId { get; set; } = "";
}
