using System.Net;

namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// The IPv6 forms that carry an IPv4 address, and the addresses they carry. A connection to one of them can end at the
/// IPv4 address inside (a translator, a relay or the local stack unwraps it), so that address is what gets judged.
/// </summary>
public static class EmbeddedIPv4
{
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96"); // deprecated IPv4-compatible
    private static readonly IPNetwork Translated = IPNetwork.Parse("::ffff:0:0:0/96"); // SIIT (RFC 2765)
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");

    /// <summary>
    /// The IPv4 addresses inside <paramref name="address"/> (none for an address of no embedding form), and whether the
    /// form is one a public webhook may use when every embedded address is public (NAT64 and 6to4 are routable;
    /// compatible and translated addresses are not used on the internet).
    /// </summary>
    public static bool TryRead(IPAddress address, out IPAddress[] embedded, out bool routableWhenPublic)
    {
        var b = address.GetAddressBytes();
        (embedded, routableWhenPublic) = address switch
        {
            // ::ffff:0:0/96 first: IPNetwork.Contains unmaps these (::ffff:10.0.0.1 is "in" 10.0.0.0/8, even in 2000::/3).
            { IsIPv4MappedToIPv6: true } => ([address.MapToIPv4()], true),
            _ when Translated.Contains(address) => ([V4(b, 12)], false),
            _ when Nat64.Contains(address) => ([V4(b, 12)], true),
            _ when SixToFour.Contains(address) => ([V4(b, 2)], true),
            // Teredo: the server's address, then the client's with every bit inverted.
            _ when Teredo.Contains(address) => ([V4(b, 4), V4(b, 12, invert: true)], true),
            // :: and ::1 are in this block too but are the unspecified and loopback addresses, not embeddings.
            _ when Compatible.Contains(address) && !IsUnspecifiedOrLoopback(address) => ([V4(b, 12)], false),
            _ => ((IPAddress[])[], false),
        };
        return embedded.Length > 0;
    }

    private static bool IsUnspecifiedOrLoopback(IPAddress address) =>
        address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback);

    private static IPAddress V4(byte[] b, int at, bool invert = false)
    {
        var v4 = b[at..(at + 4)];
        if (invert)
        {
            for (var i = 0; i < v4.Length; i++)
            {
                v4[i] = (byte)~v4[i];
            }
        }
        return new IPAddress(v4);
    }
}
