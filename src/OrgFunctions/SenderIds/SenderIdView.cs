using OrgFunctions.Domain.SenderIds;

namespace OrgFunctions.SenderIds;

/// <summary>A sender ID as the API shows it; <c>attachedFrom</c> names the parent it was added from (null for the root's registration).</summary>
public sealed record SenderIdView(string Id, string Channel, string Address, string? Description, string? AttachedFrom)
{
    public static SenderIdView From(SenderIdRecord record) => new(record.SenderId.Id, record.SenderId.Address.Channel.Name(),
        record.SenderId.Address.Value, record.SenderId.Description, record.SenderId.AttachedFrom);
}
