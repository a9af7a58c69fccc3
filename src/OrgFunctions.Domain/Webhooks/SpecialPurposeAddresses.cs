using System.Net;

namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates), as of 2026, with the kind
/// each block is for a webhook: a block the registry marks globally reachable is <see cref="AddressKind.Public"/>.
/// Blocks are tried in order, so a more specific block comes before the one that contains it. Blocks that embed an
/// IPv4 address (mapped, compatible, translated, NAT64, 6to4, Teredo) are not here: <see cref="EmbeddedIPv4"/> reads
/// them and the embedded address is judged.
/// </summary>
public static class SpecialPurposeAddresses
{
    /// <summary>Cloud instance-metadata and platform endpoints, some of them outside any private block.</summary>
    public static readonly IReadOnlyList<IPAddress> Metadata =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, Azure IMDS, GCP, OpenStack
        IPAddress.Parse("168.63.129.16"), // Azure wireserver
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("fd00:ec2::254"), // AWS IMDS over IPv6
    ];

    public static readonly IReadOnlyList<(IPNetwork Block, AddressKind Kind)> IPv4 =
    [
        (Net("0.0.0.0/8"), AddressKind.Reserved), // "this network"
        (Net("10.0.0.0/8"), AddressKind.Private),
        (Net("100.64.0.0/10"), AddressKind.Private), // shared address space (carrier-grade NAT)
        (Net("127.0.0.0/8"), AddressKind.Loopback),
        (Net("169.254.0.0/16"), AddressKind.LinkLocal),
        (Net("172.16.0.0/12"), AddressKind.Private),
        (Net("192.0.0.9/32"), AddressKind.Public), // port control protocol anycast
        (Net("192.0.0.10/32"), AddressKind.Public), // TURN anycast
        (Net("192.0.0.0/24"), AddressKind.Reserved), // IETF protocol assignments (DS-Lite, NAT64 discovery, ...)
        (Net("192.0.2.0/24"), AddressKind.Reserved), // documentation (TEST-NET-1)
        (Net("192.88.99.0/24"), AddressKind.Reserved), // deprecated 6to4 relay anycast
        (Net("192.168.0.0/16"), AddressKind.Private),
        (Net("198.18.0.0/15"), AddressKind.Reserved), // benchmarking
        (Net("198.51.100.0/24"), AddressKind.Reserved), // documentation (TEST-NET-2)
        (Net("203.0.113.0/24"), AddressKind.Reserved), // documentation (TEST-NET-3)
        (Net("224.0.0.0/4"), AddressKind.Reserved), // multicast (not unicast, so never a webhook)
        (Net("240.0.0.0/4"), AddressKind.Reserved), // reserved, and 255.255.255.255 limited broadcast
    ];

    public static readonly IReadOnlyList<(IPNetwork Block, AddressKind Kind)> IPv6 =
    [
        (Net("::1/128"), AddressKind.Loopback),
        (Net("::/128"), AddressKind.Reserved), // unspecified
        (Net("64:ff9b:1::/48"), AddressKind.Private), // local-use IPv4/IPv6 translation
        (Net("100::/64"), AddressKind.Reserved), // discard-only
        (Net("100:0:0:1::/64"), AddressKind.Reserved), // dummy prefix
        (Net("2001:1::1/128"), AddressKind.Public), // port control protocol anycast
        (Net("2001:1::2/128"), AddressKind.Public), // TURN anycast
        (Net("2001:1::3/128"), AddressKind.Public), // DNS-SD service registration anycast
        (Net("2001:3::/32"), AddressKind.Public), // AMT
        (Net("2001:4:112::/48"), AddressKind.Public), // AS112-v6
        (Net("2001:20::/28"), AddressKind.Public), // ORCHIDv2
        (Net("2001:30::/28"), AddressKind.Public), // drone remote ID (DRIP)
        (Net("2001::/23"), AddressKind.Reserved), // IETF protocol assignments (benchmarking, deprecated ORCHID, ...)
        (Net("2001:db8::/32"), AddressKind.Reserved), // documentation
        (Net("2620:4f:8000::/48"), AddressKind.Public), // AS112 direct delegation
        (Net("3fff::/20"), AddressKind.Reserved), // documentation
        (Net("5f00::/16"), AddressKind.Reserved), // segment routing SIDs
        (Net("fc00::/7"), AddressKind.Private), // unique local
        (Net("fe80::/10"), AddressKind.LinkLocal),
        (Net("fec0::/10"), AddressKind.Private), // deprecated site-local
        (Net("ff00::/8"), AddressKind.Reserved), // multicast
    ];

    /// <summary>Only this block is allocated for global unicast: an IPv6 address outside it is reserved or unassigned.</summary>
    public static readonly IPNetwork GlobalUnicast = Net("2000::/3");

    private static IPNetwork Net(string cidr) => IPNetwork.Parse(cidr);
}
