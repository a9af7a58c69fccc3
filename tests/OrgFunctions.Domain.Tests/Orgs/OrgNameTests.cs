using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Tests.Orgs;

public class OrgNameTests
{
    [Fact]
    public void TrimsAndComparesCaseInsensitively()
    {
        var a = OrgName.Create("  Acme Dublin ");
        var b = OrgName.Create("ACME dublin");

        Assert.Equal("Acme Dublin", a.Value);
        Assert.Equal(a.UniquenessKey, b.UniquenessKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\u0007name")]
    public void RefusesEmptyOrControlCharacters(string? value)
    {
        Assert.Throws<DomainException>(() => OrgName.Create(value));
    }

    [Fact]
    public void AcceptsTwoHundredCharactersButNotMore()
    {
        Assert.Equal(200, OrgName.Create(new string('x', 200)).Value.Length);
        Assert.Throws<DomainException>(() => OrgName.Create(new string('x', 201)));
    }

    [Theory]
    [InlineData("bad\u0000name")]
    [InlineData("evil\u202Eexe.txt")]
    [InlineData("isolated\u2066name")]
    [InlineData("two\nlines")]
    [InlineData("c1\u0085name")]
    [InlineData("\u200B\u00AD")]
    public void RefusesWhatTheTextPolicyRefusesAndInvisibleOnlyNames(string value)
    {
        Assert.Throws<DomainException>(() => OrgName.Create(value));
    }

    [Fact]
    public void StoresNfcAndFoldsCompositionAndInvisibleCharactersForUniqueness()
    {
        var decomposed = OrgName.Create("Cafe\u0301");

        Assert.Equal("Café", decomposed.Value);
        Assert.Equal(OrgName.Create("CAFÉ").UniquenessKey, decomposed.UniquenessKey);
        Assert.Equal(OrgName.Create("Dupx").UniquenessKey, OrgName.Create("D\u200Bupx").UniquenessKey);
        Assert.Equal("D\u200Bupx", OrgName.Create("D\u200Bupx").Value);
    }

    [Fact]
    public void RestoresAStoredNameAsItWasEvenIfTodaysRulesRefuseIt()
    {
        var legacy = OrgName.Restore("Cafe\u0301 \u202E");

        Assert.Equal("Cafe\u0301 \u202E", legacy.Value);
        Assert.Equal("CAFE\u0301 \u202E", legacy.LegacyUniquenessKey);
    }

    [Theory]
    [InlineData("", "An org name must not be empty.")]
    [InlineData("bad\u0007name", null)]
    [InlineData("\u200B", "An org name must have a visible character.")]
    public void TryCreateReturnsTheReasonCreateThrowsWith(string value, string? reason)
    {
        var thrown = Assert.Throws<DomainException>(() => OrgName.Create(value)).Message;

        Assert.False(OrgName.TryCreate(value, out var name, out var error));
        Assert.Null(name);
        Assert.Equal(thrown, error);
        Assert.Equal(reason ?? thrown, error);
    }

    [Fact]
    public void TryCreateReturnsTheNameCreateReturns()
    {
        Assert.True(OrgName.TryCreate("  Cafe\u0301 ", out var name, out var error));
        Assert.Null(error);
        Assert.Equal(OrgName.Create("  Cafe\u0301 "), name);
    }
}
