using OrgFunctions.Domain.SenderIds;

namespace OrgFunctions.Domain.Tests.SenderIds;

public class SenderAddressTests
{
    [Theory]
    [InlineData(SenderChannel.Sms, "+353 87 123 4567", "+353871234567", "sms:+353871234567")]
    [InlineData(SenderChannel.Sms, "Acme Bank", "Acme Bank", "sms:ACME BANK")]
    [InlineData(SenderChannel.Sms, "ACME2", "ACME2", "sms:ACME2")]
    [InlineData(SenderChannel.WhatsApp, "0044 20 7946 0958", "+442079460958", "whatsapp:+442079460958")]
    [InlineData(SenderChannel.Voice, "+1 415 555 2671", "+14155552671", "voice:+14155552671")]
    [InlineData(SenderChannel.Email, " Support@Acme.example ", "Support@Acme.example", "email:support@acme.example")]
    public void EachChannelTakesItsOwnKindOfAddress(SenderChannel channel, string typed, string value, string key)
    {
        var address = SenderAddress.Create(channel, typed);

        Assert.Equal((value, key), (address.Value, address.Key));
    }

    [Theory]
    [InlineData(SenderChannel.Sms, "AB", "alphanumeric sender of 3 to 11")]
    [InlineData(SenderChannel.Sms, "AcmeBankLtd1", "alphanumeric sender of 3 to 11")]
    [InlineData(SenderChannel.Sms, "12345", "alphanumeric sender")]
    [InlineData(SenderChannel.Sms, "Acme-Bank", "alphanumeric sender")]
    [InlineData(SenderChannel.WhatsApp, "Acme", "international form")]
    [InlineData(SenderChannel.Voice, "087 123 4567", "international form")]
    [InlineData(SenderChannel.Email, "+353871234567", "one email address")]
    [InlineData(SenderChannel.Email, "", "is required")]
    public void RefusesAnAddressItsChannelCantSendFromSayingWhy(SenderChannel channel, string typed, string reason)
    {
        Assert.False(SenderAddress.TryCreate(channel, typed, out var address, out var error));
        Assert.Null(address);
        Assert.Contains(reason, error);
        Assert.Throws<DomainException>(() => SenderAddress.Create(channel, typed));
    }

    [Fact]
    public void OneNumberOnTwoChannelsIsTwoAddresses() =>
        Assert.NotEqual(SenderAddress.Create(SenderChannel.Sms, "+353871234567").Key, SenderAddress.Create(SenderChannel.WhatsApp, "+353871234567").Key);

    [Fact]
    public void ChannelsAreReadByTheirWireNames()
    {
        Assert.True(SenderChannels.TryParse(" WhatsApp ", out var channel));
        Assert.Equal(SenderChannel.WhatsApp, channel);
        Assert.False(SenderChannels.TryParse("fax", out _));
        Assert.All(SenderChannels.Names, name => Assert.True(SenderChannels.TryParse(name, out var c) && c.Name() == name));
    }
}
