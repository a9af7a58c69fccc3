using Azure;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.SenderIds;
using OrgFunctions.Storage;

namespace OrgFunctions.SenderIds;

public sealed record SenderIdRecord(OrgId OrgId, SenderId SenderId, ETag ETag);

/// <summary>A sender ID as a row of its tree's partition (<c>sender:{orgId}:{senderId}</c>) and its address's claim in the index.</summary>
public static class SenderIdRow
{
    /// <summary>What a sender ID in a route or in provisioning's <c>copy.senderIds</c> may be: a row key part that needs no encoding.</summary>
    public static bool IsValidId(string senderId) =>
        senderId.Length is > 0 and <= 64 && senderId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+');

    public static SenderIdEntity Create(OrgPath org, SenderId sender) => new()
    {
        PartitionKey = org.RootId.Value,
        RowKey = RowKeys.Sender(org.OrgId, sender.Id),
        SenderId = sender.Id,
        OrgId = org.OrgId.Value,
        Channel = sender.Address.Channel.Name(),
        Address = sender.Address.Value,
        Description = sender.Description,
        AttachedFrom = sender.AttachedFrom,
    };

    /// <summary>
    /// The row as a sender ID. A row written before sender IDs had channels holds a phone number in <c>Number</c>: it is
    /// read as an sms sender of that number.
    /// </summary>
    public static SenderIdRecord Read(SenderIdEntity row)
    {
        var channel = SenderChannels.TryParse(row.Channel ?? "sms", out var parsed) ? parsed : SenderChannel.Sms;
        var address = SenderAddress.Create(channel, row.Address ?? row.Number);
        return new SenderIdRecord(OrgId.Parse(row.OrgId), SenderId.Restore(row.SenderId, address, row.Description, row.AttachedFrom), row.ETag);
    }

    public static SenderClaimEntity Claim(SenderAddress address, OrgId rootId, string senderId) => new()
    {
        PartitionKey = IndexKeys.SenderAddress(address.Key),
        RowKey = IndexKeys.RowKey,
        RootId = rootId.Value,
        SenderId = senderId,
    };
}
