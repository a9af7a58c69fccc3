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
}
