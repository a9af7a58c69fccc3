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

    [Theory]
    [InlineData("   ")]
    [InlineData("bad\u0007name")]
    public void TryCreateReturnsTheReasonCreateThrowsWith(string value)
    {
        var thrown = Assert.Throws<DomainException>(() => RoleName.Create(value)).Message;

        Assert.False(RoleName.TryCreate(value, out var name, out var error));
        Assert.Null(name);
        Assert.Equal(thrown, error);
    }

    [Fact]
    public void TryCreateReturnsTheNameCreateReturns()
    {
        Assert.True(RoleName.TryCreate(" Agents ", out var name, out var error));
        Assert.Null(error);
        Assert.Equal("Agents", name.Value);
    }
}
