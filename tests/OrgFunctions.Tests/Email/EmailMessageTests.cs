using OrgFunctions.Email;

namespace OrgFunctions.Tests.Email;

/// <summary>An email is valid when created: one plain address, a one-line subject, bodies that fit a column.</summary>
public class EmailMessageTests
{
    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("ada.lovelace+invite@sub.example.co.uk", true)]
    [InlineData("not-an-address", false)]
    [InlineData("ada@", false)]
    [InlineData("Ada <ada@example.com>", false)]
    [InlineData("ada@example.com, eve@example.com", false)]
    [InlineData("ada@example.com\r\nBcc: eve@example.com", false)]
    [InlineData("", false)]
    public void OnlyOnePlainAddressIsARecipient(string to, bool valid) =>
        Assert.Equal(valid, EmailMessage.TryCreate(to, null, "Hi", "Body", null, out _, out _));

    [Fact]
    public void EachInvalidPartIsNamed()
    {
        var ok = EmailMessage.TryCreate("nope", "A\u0007", "two\r\nlines", "", "", out var message, out var errors);

        Assert.False(ok);
        Assert.Null(message);
        Assert.Equal(["htmlBody", "subject", "textBody", "to", "toName"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ABodyOverTheLimitIsRefused()
    {
        Assert.True(EmailMessage.TryCreate("ada@example.com", null, "Hi", new string('a', EmailMessage.MaxBodyBytes), null, out _, out _));
        // 'é' is two bytes of UTF-8: the limit counts bytes, not characters.
        Assert.False(EmailMessage.TryCreate("ada@example.com", null, "Hi", new string('é', EmailMessage.MaxBodyBytes / 2 + 1), null, out _, out _));
    }

    [Fact]
    public void ItsTextNamesNoRecipientAndNoBody() =>
        Assert.Equal("email to *@example.com", EmailMessage.Create("ada@example.com", null, "Hi", "token 123").ToString());
}
