using System.Net;
using System.Net.Sockets;

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

/// <summary>
/// Which IP addresses a webhook may be sent to: public ones only, so a subscription can't be used to reach the
/// platform's own network (SSRF). Loopback alone can be allowed, for local development and tests.
/// </summary>
public sealed class AddressPolicy(bool allowLoopback)
{
    // Cloud instance-metadata and platform endpoints that are not in a private range.
    private static readonly IPAddress[] MetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"), IPAddress.Parse("168.63.129.16"), IPAddress.Parse("100.100.100.200"),
        IPAddress.Parse("fd00:ec2::254"),
    ];

    public bool AllowLoopback { get; } = allowLoopback;

    public bool Allows(IPAddress address) => Classify(address) switch
    {
        AddressKind.Public => true,
        AddressKind.Loopback => AllowLoopback,
        _ => false,
    };

    public static AddressKind Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (MetadataAddresses.Any(m => m.Equals(address)))
        {
            return AddressKind.Metadata;
        }
        if (IPAddress.IsLoopback(address))
        {
            return AddressKind.Loopback;
        }
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressKind.Reserved,
        };
    }

    private static AddressKind ClassifyV4(byte[] b) => b switch
    {
        [10, ..] => AddressKind.Private,
        [172, >= 16 and <= 31, ..] => AddressKind.Private,
        [192, 168, ..] => AddressKind.Private,
        [100, >= 64 and <= 127, ..] => AddressKind.Private, // carrier-grade NAT
        [169, 254, ..] => AddressKind.LinkLocal,
        [0, ..] => AddressKind.Reserved,
        [192, 0, 0, _] => AddressKind.Reserved,
        [198, 18 or 19, ..] => AddressKind.Reserved, // benchmarking
        [>= 224, ..] => AddressKind.Reserved, // multicast, reserved, broadcast
        _ => AddressKind.Public,
    };

    private static AddressKind ClassifyV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any))
        {
            return AddressKind.Reserved;
        }
        if (address.IsIPv6LinkLocal)
        {
            return AddressKind.LinkLocal;
        }
        if ((b[0] & 0xfe) == 0xfc || address.IsIPv6SiteLocal)
        {
            return AddressKind.Private; // unique local fc00::/7, deprecated site-local
        }
        if (address.IsIPv6Multicast)
        {
            return AddressKind.Reserved;
        }
        // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) embed an IPv4 address: judge that one.
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            return ClassifyV4(b[12..16]);
        }
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b[2..6]);
        }
        return AddressKind.Public;
    }
}
