using System.Net;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Domain.Tests.Webhooks;

public class AddressPolicyTests
{
    [Theory]
    // IPv4 special-purpose registry
    [InlineData("0.1.2.3", AddressKind.Reserved)]
    [InlineData("10.1.2.3", AddressKind.Private)]
    [InlineData("100.64.0.1", AddressKind.Private)]
    [InlineData("100.127.255.255", AddressKind.Private)]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.8.9.10", AddressKind.Loopback)]
    [InlineData("169.254.10.10", AddressKind.LinkLocal)]
    [InlineData("169.254.169.254", AddressKind.Metadata)]
    [InlineData("168.63.129.16", AddressKind.Metadata)]
    [InlineData("100.100.100.200", AddressKind.Metadata)]
    [InlineData("172.16.0.1", AddressKind.Private)]
    [InlineData("172.31.255.255", AddressKind.Private)]
    [InlineData("192.0.0.8", AddressKind.Reserved)]
    [InlineData("192.0.0.9", AddressKind.Public)]
    [InlineData("192.0.2.1", AddressKind.Reserved)]
    [InlineData("192.88.99.1", AddressKind.Reserved)]
    [InlineData("192.168.1.1", AddressKind.Private)]
    [InlineData("198.18.0.1", AddressKind.Reserved)]
    [InlineData("198.51.100.7", AddressKind.Reserved)]
    [InlineData("203.0.113.7", AddressKind.Reserved)]
    [InlineData("224.0.0.1", AddressKind.Reserved)]
    [InlineData("240.0.0.1", AddressKind.Reserved)]
    [InlineData("255.255.255.255", AddressKind.Reserved)]
    [InlineData("93.184.216.34", AddressKind.Public)]
    [InlineData("172.32.0.1", AddressKind.Public)]
    [InlineData("192.31.196.1", AddressKind.Public)]
    // IPv6 special-purpose registry
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("::", AddressKind.Reserved)]
    [InlineData("64:ff9b:1::a00:1", AddressKind.Private)]
    [InlineData("100::1", AddressKind.Reserved)]
    [InlineData("2001:2::1", AddressKind.Reserved)]
    [InlineData("2001:10::1", AddressKind.Reserved)]
    [InlineData("2001:4:112::1", AddressKind.Public)]
    [InlineData("2001:db8::1", AddressKind.Reserved)]
    [InlineData("3fff::1", AddressKind.Reserved)]
    [InlineData("5f00::1", AddressKind.Reserved)]
    [InlineData("fd12:3456::1", AddressKind.Private)]
    [InlineData("fd00:ec2::254", AddressKind.Metadata)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("fe80::1%2", AddressKind.LinkLocal)]
    [InlineData("fec0::1", AddressKind.Private)]
    [InlineData("ff02::1", AddressKind.Reserved)]
    [InlineData("4000::1", AddressKind.Reserved)] // outside 2000::/3, unassigned
    [InlineData("2606:4700::1111", AddressKind.Public)]
    // IPv4-mapped ::ffff:0:0/96
    [InlineData("::ffff:10.0.0.1", AddressKind.Private)]
    [InlineData("::ffff:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::ffff:169.254.169.254", AddressKind.Metadata)]
    [InlineData("::ffff:93.184.216.34", AddressKind.Public)]
    // IPv4-compatible ::/96 (deprecated): never public
    [InlineData("::127.0.0.1", AddressKind.Loopback)]
    [InlineData("::169.254.169.254", AddressKind.Metadata)]
    [InlineData("::10.0.0.1", AddressKind.Private)]
    [InlineData("::93.184.216.34", AddressKind.Reserved)]
    // IPv4-translated ::ffff:0:0:0/96 (SIIT): never public
    [InlineData("::ffff:0:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::ffff:0:169.254.169.254", AddressKind.Metadata)]
    [InlineData("::ffff:0:93.184.216.34", AddressKind.Reserved)]
    // 6to4 2002::/16: the IPv4 address in bits 16-47
    [InlineData("2002:7f00:1::1", AddressKind.Loopback)]
    [InlineData("2002:a9fe:a9fe::1", AddressKind.Metadata)]
    [InlineData("2002:c0a8:101::1", AddressKind.Private)]
    [InlineData("2002:5db8:d822::1", AddressKind.Public)]
    // NAT64 64:ff9b::/96: the IPv4 address in the last 32 bits
    [InlineData("64:ff9b::7f00:1", AddressKind.Loopback)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressKind.Metadata)]
    [InlineData("64:ff9b::10.0.0.1", AddressKind.Private)]
    [InlineData("64:ff9b::93.184.216.34", AddressKind.Public)]
    // Teredo 2001::/32: server 65.54.227.120 in bits 32-63, the client's address inverted in the last 32 bits
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", AddressKind.Loopback)] // client 127.0.0.1
    [InlineData("2001:0:4136:e378:8000:63bf:5601:5601", AddressKind.Metadata)] // client 169.254.169.254
    [InlineData("2001:0:4136:e378:8000:63bf:f5ff:fffe", AddressKind.Private)] // client 10.0.0.1
    [InlineData("2001:0:a00:1:8000:63bf:a247:27dd", AddressKind.Private)] // server 10.0.0.1
    [InlineData("2001:0:4136:e378:8000:63bf:a247:27dd", AddressKind.Public)] // client 93.184.216.34
    public void AddressesAreClassifiedByTheSpecialPurposeRegistries(string address, AddressKind expected) =>
        Assert.Equal(expected, AddressPolicy.Classify(IPAddress.Parse(address)));

    [Fact]
    public void OnlyPublicAddressesAreAllowedUnlessLoopbackIsAllowedForDevelopment()
    {
        var strict = new AddressPolicy(allowLoopback: false);
        var development = new AddressPolicy(allowLoopback: true);

        Assert.True(strict.Allows(IPAddress.Parse("93.184.216.34")));
        Assert.False(strict.Allows(IPAddress.Loopback));
        Assert.False(strict.Allows(IPAddress.IPv6Loopback));
        Assert.True(development.Allows(IPAddress.Loopback));
        Assert.True(development.Allows(IPAddress.IPv6Loopback));
        Assert.True(development.Allows(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(development.Allows(IPAddress.Parse("10.0.0.1")));
        Assert.False(development.Allows(IPAddress.Parse("169.254.169.254")));
    }

    [Theory]
    [InlineData("::127.0.0.1")]
    [InlineData("::ffff:0:127.0.0.1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe")]
    public void LoopbackWrappedInATranslationOrTunnelFormIsRefusedEvenInDevelopment(string address) =>
        Assert.False(new AddressPolicy(allowLoopback: true).Allows(IPAddress.Parse(address)));
}
