using System.Net;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Domain.Tests.Webhooks;

public class AddressPolicyTests
{
    [Theory]
    [InlineData("10.1.2.3", AddressKind.Private)]
    [InlineData("172.16.0.1", AddressKind.Private)]
    [InlineData("172.31.255.255", AddressKind.Private)]
    [InlineData("192.168.1.1", AddressKind.Private)]
    [InlineData("100.64.0.1", AddressKind.Private)]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.8.9.10", AddressKind.Loopback)]
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("169.254.10.10", AddressKind.LinkLocal)]
    [InlineData("169.254.169.254", AddressKind.Metadata)]
    [InlineData("168.63.129.16", AddressKind.Metadata)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("fd12:3456::1", AddressKind.Private)]
    [InlineData("::ffff:10.0.0.1", AddressKind.Private)]
    [InlineData("::ffff:127.0.0.1", AddressKind.Loopback)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressKind.LinkLocal)]
    [InlineData("0.0.0.0", AddressKind.Reserved)]
    [InlineData("224.0.0.1", AddressKind.Reserved)]
    [InlineData("255.255.255.255", AddressKind.Reserved)]
    [InlineData("93.184.216.34", AddressKind.Public)]
    [InlineData("172.32.0.1", AddressKind.Public)]
    [InlineData("2606:4700::1111", AddressKind.Public)]
    public void AddressesAreClassified(string address, AddressKind expected) =>
        Assert.Equal(expected, AddressPolicy.Classify(IPAddress.Parse(address)));

    [Fact]
    public void OnlyPublicAddressesAreAllowedUnlessLoopbackIsAllowedForDevelopment()
    {
        var strict = new AddressPolicy(allowLoopback: false);
        var development = new AddressPolicy(allowLoopback: true);

        Assert.True(strict.Allows(IPAddress.Parse("93.184.216.34")));
        Assert.False(strict.Allows(IPAddress.Loopback));
        Assert.True(development.Allows(IPAddress.Loopback));
        Assert.False(development.Allows(IPAddress.Parse("10.0.0.1")));
        Assert.False(development.Allows(IPAddress.Parse("169.254.169.254")));
    }
}
