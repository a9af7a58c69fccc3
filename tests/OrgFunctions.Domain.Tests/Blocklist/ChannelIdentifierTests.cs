using OrgFunctions.Domain.Blocklist;

namespace OrgFunctions.Domain.Tests.Blocklist;

public class ChannelIdentifierTests
{
    [Fact]
    public void SmsAndWhatsAppIdentifiersArePhoneNumbers()
    {
        Assert.True(ChannelIdentifier.TryNormalise(Channel.WhatsApp, "0044 7700 900123", out var id, out _));
        Assert.Equal("+447700900123", id);
        Assert.False(ChannelIdentifier.TryNormalise(Channel.Sms, "someone@example.com", out _, out _));
    }

    [Fact]
    public void EmailIsTrimmedAndLowercased()
    {
        Assert.True(ChannelIdentifier.TryNormalise(Channel.Email, "  Ann@Example.COM ", out var id, out _));
        Assert.Equal("ann@example.com", id);
        Assert.False(ChannelIdentifier.TryNormalise(Channel.Email, "not-an-email", out _, out _));
    }

    [Fact]
    public void ControlCharactersAreRefused()
    {
        Assert.False(ChannelIdentifier.TryNormalise(Channel.Messenger, "abc\u0001", out _, out var error));
        Assert.Contains("control", error);
    }

    [Theory]
    [InlineData("SMS", Channel.Sms)]
    [InlineData("whatsapp", Channel.WhatsApp)]
    public void ChannelNamesParseInAnyCase(string name, Channel expected)
    {
        Assert.True(Channels.TryParse(name, out var channel));
        Assert.Equal(expected, channel);
        Assert.False(Channels.TryParse("fax", out _));
    }
}
