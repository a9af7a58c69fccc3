using OrgFunctions.Domain.Roles;

namespace OrgFunctions.Domain.Tests.Roles;

public class RoleNameTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Ops\u0000")]
    [InlineData("Ops\u202E")]
    [InlineData("Ops\u2067x")]
    [InlineData("two\nlines")]
    [InlineData("\u200B")]
    public void RefusesEmptyControlBidiAndInvisibleOnlyNames(string value)
    {
        Assert.Throws<DomainException>(() => RoleName.Create(value));
    }

    [Fact]
    public void StoresNfcAndFoldsCompositionCaseAndInvisibleCharacters()
    {
        Assert.Equal("Café", RoleName.Create(" Cafe\u0301 ").Value);
        Assert.Equal(RoleName.Create("café").UniquenessKey, RoleName.Create("Cafe\u0301").UniquenessKey);
        Assert.Equal(RoleName.Create("Dupx").UniquenessKey, RoleName.Create("D\u200Bupx").UniquenessKey);
    }

    [Fact]
    public void RestoresAStoredNameAsItWas()
    {
        Assert.Equal("Ops\u202E", RoleName.Restore("Ops\u202E").Value);
    }
}
