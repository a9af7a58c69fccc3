using OrgFunctions.Domain.Settings;

namespace OrgFunctions.Domain.Tests.Settings;

public class SettingDefinitionTests
{
    [Theory]
    [InlineData("locale", "en-GB")]
    [InlineData("locale", "pt-BR")]
    [InlineData("timeZone", "Europe/Dublin")]
    [InlineData("timeZone", "America/Sao_Paulo")]
    public void AcceptsKnownLocalesAndIanaZones(string name, string value)
    {
        Assert.Equal(value, SettingCatalog.Get(name).Validate(value));
    }

    [Theory]
    [InlineData("locale", "xx-QQ")]
    [InlineData("locale", "")]
    [InlineData("timeZone", "Mars/Olympus_Mons")]
    [InlineData("timeZone", "GMT Standard Time")]
    [InlineData("locale", "en-GB\u0000garbage")] // ICU reads up to the NUL: it must not quietly become en-GB
    [InlineData("locale", "en-GB\u202E")]
    [InlineData("locale", "en GB")]
    [InlineData("timeZone", "Europe/Dublin\u0000x")]
    [InlineData("timeZone", "Europe/\u202EDublin")]
    public void RefusesUnknownLocalesAndZonesNamingTheSetting(string name, string value)
    {
        var ex = Assert.Throws<SettingValidationException>(() => SettingCatalog.Get(name).Validate(value));

        Assert.Equal(name, ex.SettingName);
    }

    [Theory]
    [InlineData("loginAttempts", 1, true)]
    [InlineData("loginAttempts", 20, true)]
    [InlineData("loginAttempts", 0, false)]
    [InlineData("loginAttempts", 21, false)]
    [InlineData("sessionTimeoutMinutes", 5, true)]
    [InlineData("sessionTimeoutMinutes", 1440, true)]
    [InlineData("sessionTimeoutMinutes", 4, false)]
    [InlineData("sessionTimeoutMinutes", 1441, false)]
    public void EnforcesNumberRanges(string name, int value, bool valid)
    {
        var definition = SettingCatalog.Get(name);

        if (valid)
        {
            Assert.Equal(value, definition.Validate(value));
        }
        else
        {
            Assert.Throws<SettingValidationException>(() => definition.Validate(value));
        }
    }

    [Fact]
    public void SwitchesTakeOnlyBooleans()
    {
        Assert.Equal(true, SettingCatalog.Get("channels.sms").Validate(true));
        Assert.Throws<SettingValidationException>(() => SettingCatalog.Get("channels.sms").Validate("yes"));
        Assert.Throws<SettingValidationException>(() => SettingCatalog.Get("loginAttempts").Validate("5"));
    }

    [Fact]
    public void CatalogueHasEveryChannelAndFeature()
    {
        var names = SettingCatalog.All.Select(d => d.Name).ToHashSet();

        Assert.All(SettingCatalog.Channels, c => Assert.Contains("channels." + c, names));
        Assert.All(SettingCatalog.Features, f => Assert.Contains("features." + f, names));
        Assert.Contains("locale", names);
        Assert.Contains("timeZone", names);
    }

    [Theory]
    [InlineData("locale", "xx-NOPE")]
    [InlineData("locale", "en-GB\u0000x")]
    [InlineData("timeZone", "Mars/Olympus")]
    [InlineData("loginAttempts", 0)]
    [InlineData("channels.voice", "yes")]
    public void TryValidateReturnsTheReasonValidateThrowsWith(string name, object raw)
    {
        var definition = SettingCatalog.Get(name);
        var thrown = Assert.Throws<SettingValidationException>(() => definition.Validate(raw)).Message;

        Assert.False(definition.TryValidate(raw, out var value, out var error));
        Assert.Null(value);
        Assert.Equal(thrown, error);
        Assert.StartsWith(name + " ", error);
    }

    [Fact]
    public void TryValidateReturnsTheCanonicalValue()
    {
        Assert.True(SettingCatalog.Get("locale").TryValidate("en-gb", out var value, out var error));
        Assert.Null(error);
        Assert.Equal("en-GB", value);
    }
}
