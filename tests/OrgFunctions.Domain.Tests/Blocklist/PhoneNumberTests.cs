using OrgFunctions.Domain.Blocklist;

namespace OrgFunctions.Domain.Tests.Blocklist;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("+353 87 123 4567", "+353871234567")]
    [InlineData("00353871234567", "+353871234567")]
    [InlineData("+44 (0)20 7946-0958", "+442079460958")]
    [InlineData(" +1 (415) 555.2671 ", "+14155552671")]
    [InlineData("+353 80 000 0001", "+353800000001")]
    public void InternationalFormsNormaliseToE164(string raw, string expected)
    {
        Assert.True(PhoneNumber.TryParse(raw, out var number, out _));
        Assert.Equal(expected, number.Value);
    }

    [Theory]
    [InlineData("087 123 4567", "international")]
    [InlineData("+1234567", "too few or too many digits")]
    [InlineData("+1234567890123456", "too few or too many digits")]
    [InlineData("+353 871", "too few or too many digits")]
    [InlineData("+0871234567", "country code")]
    [InlineData("+999 871234567", "country code")]
    [InlineData("+1 800 FLOWERS", "character")]
    [InlineData("+353 87 ABC", "character")]
    [InlineData("", "empty")]
    public void OtherFormsAreRefusedWithAReason(string raw, string reason)
    {
        Assert.False(PhoneNumber.TryParse(raw, out _, out var error));
        Assert.Contains(reason, error);
    }
}
