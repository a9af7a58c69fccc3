namespace OrgFunctions.Domain.Webhooks;

/// <summary>Why an address may not receive webhooks; <see cref="Public"/> may.</summary>
public enum AddressKind
{
    Public,
    Loopback,
    Private,
    LinkLocal,
    Metadata,
    Reserved,
}
