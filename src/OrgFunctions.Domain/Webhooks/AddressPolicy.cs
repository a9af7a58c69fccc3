using System.Net;
using System.Net.Sockets;

namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// Which IP addresses a webhook may be sent to: public ones only, so a subscription can't be used to reach the
/// platform's own network (SSRF). Every address is classified by the IANA special-purpose registries
/// (<see cref="SpecialPurposeAddresses"/>), an IPv6 form that carries an IPv4 address by the address it carries
/// (<see cref="EmbeddedIPv4"/>). Loopback alone can be allowed, for local development and tests, and then only the
/// loopback address itself, never one wrapped in a translation or tunnel form.
/// </summary>
public sealed class AddressPolicy(bool allowLoopback)
{
    public bool AllowLoopback { get; } = allowLoopback;

    public bool Allows(IPAddress address) => Classify(address) switch
    {
        AddressKind.Public => true,
        AddressKind.Loopback => AllowLoopback && IsLoopbackItself(address),
        _ => false,
    };

    public static AddressKind Classify(IPAddress address)
    {
        if (SpecialPurposeAddresses.Metadata.Contains(address))
        {
            return AddressKind.Metadata;
        }
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => Lookup(address, SpecialPurposeAddresses.IPv4) ?? AddressKind.Public,
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressKind.Reserved,
        };
    }

    private static AddressKind ClassifyV6(IPAddress address)
    {
        // A scope id (fe80::1%eth0) says which interface, not which address: judge the address.
        if (address.ScopeId != 0)
        {
            address = new IPAddress(address.GetAddressBytes());
        }
        if (EmbeddedIPv4.TryRead(address, out var embedded, out var routableWhenPublic))
        {
            var inner = embedded.Select(Classify).FirstOrDefault(kind => kind != AddressKind.Public, AddressKind.Public);
            return inner != AddressKind.Public ? inner : routableWhenPublic ? AddressKind.Public : AddressKind.Reserved;
        }
        if (SpecialPurposeAddresses.Metadata.Contains(address))
        {
            return AddressKind.Metadata;
        }
        return Lookup(address, SpecialPurposeAddresses.IPv6)
            ?? (SpecialPurposeAddresses.GlobalUnicast.Contains(address) ? AddressKind.Public : AddressKind.Reserved);
    }

    private static AddressKind? Lookup(IPAddress address, IReadOnlyList<(IPNetwork Block, AddressKind Kind)> registry)
    {
        foreach (var (block, kind) in registry)
        {
            if (block.Contains(address))
            {
                return kind;
            }
        }
        return null;
    }

    // A dual-stack socket shows an IPv4 peer as ::ffff:a.b.c.d, so the mapped form of 127/8 is loopback itself.
    private static bool IsLoopbackItself(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
