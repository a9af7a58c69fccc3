namespace OrgFunctions.Domain.SenderIds;

/// <summary>
/// An address an org may send from, held by one org of the tree that registered it. A tree gives an address one id:
/// the root registers it, and a sub-org that adds it from its parent holds it under the same id, naming the org it
/// came from (<see cref="AttachedFrom"/>), so "who below me uses it" follows those links.
/// </summary>
public sealed class SenderId
{
    public const int MaxDescriptionLength = 500;
    private const string IdPrefix = "snd_";

    private SenderId(string id, SenderAddress address, string? description, string? attachedFrom)
    {
        Id = id;
        Address = address;
        Description = description;
        AttachedFrom = attachedFrom;
    }

    public string Id { get; }
    public SenderAddress Address { get; }
    public string? Description { get; private set; }

    /// <summary>The org (the holder's parent) this one was added from; null for the root's own registration.</summary>
    public string? AttachedFrom { get; }

    public static string NewId() => IdPrefix + Guid.NewGuid().ToString("N")[..20];

    /// <summary>A root's new registration of <paramref name="address"/>.</summary>
    public static SenderId Register(string id, SenderAddress address, string? description) =>
        new(id, address, Checked(description), null);

    /// <summary>The copy a sub-org holds of its parent's sender ID: the same id and address, its own description.</summary>
    public SenderId AttachTo(string parentOrgId, string? description) =>
        new(Id, Address, description is null ? Description : Checked(description), parentOrgId);

    public static SenderId Restore(string id, SenderAddress address, string? description, string? attachedFrom) =>
        new(id, address, description, attachedFrom);

    public void Describe(string? description) => Description = Checked(description);

    private static string? Checked(string? description) =>
        description is { Length: > MaxDescriptionLength }
            ? throw new DomainException($"A sender ID's description has at most {MaxDescriptionLength} characters.")
            : description;
}
