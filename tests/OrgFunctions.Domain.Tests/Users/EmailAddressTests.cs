using OrgFunctions.Domain.Users;

namespace OrgFunctions.Domain.Tests.Users;

public class EmailAddressTests
{
    [Theory]
    [InlineData("ana@example.com", "ana@example.com")]
    [InlineData("  Ana.Lopez+billing@Example.CO.uk ", "ana.lopez+billing@example.co.uk")]
    [InlineData("o'brien@mail.example.ie", "o'brien@mail.example.ie")]
    public void AcceptsAnAddressAndComparesItWithoutCase(string typed, string key)
    {
        var email = EmailAddress.Create(typed);

        Assert.Equal(typed.Trim(), email.Value);
        Assert.Equal(key, email.Key);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("   ", "is required")]
    [InlineData("ana", "must be one email address such as name@example.com")]
    [InlineData("ana@localhost", "must be one email address such as name@example.com")]
    [InlineData("Ana <ana@example.com>", "must be one email address such as name@example.com")]
    [InlineData("ana@example.com (work)", "must be one email address such as name@example.com")]
    [InlineData("ana@@example.com", "must be one email address such as name@example.com")]
    [InlineData("ana@exa mple.com", "must be one email address such as name@example.com")]
    [InlineData("ana@example..com", "must be one email address such as name@example.com")]
    [InlineData("ana@example.com.", "must be one email address such as name@example.com")]
    [InlineData("ana\u0000@example.com", "must be one email address such as name@example.com")]
    [InlineData("a,b@example.com", "must be one email address such as name@example.com")]
    public void RefusesWhatIsNotOneBareAddressSayingWhy(string? typed, string expected)
    {
        Assert.False(EmailAddress.TryCreate(typed, out var email, out var error));
        Assert.Null(email);
        Assert.Equal(expected, error);
        Assert.Throws<DomainException>(() => EmailAddress.Create(typed));
    }

    [Fact]
    public void RefusesAddressesLongerThanSmtpAllows()
    {
        var longLocal = new string('a', 65) + "@example.com";
        var longWhole = "a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".com";

        Assert.False(EmailAddress.TryCreate(longLocal, out _, out var localError));
        Assert.Equal("must have at most 64 characters before the @", localError);
        Assert.False(EmailAddress.TryCreate(longWhole, out _, out var wholeError));
        Assert.Equal("must be at most 254 characters", wholeError);
        Assert.True(EmailAddress.TryCreate(new string('a', 64) + "@example.com", out _, out _));
    }
}
