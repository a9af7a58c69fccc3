using OrgFunctions.Domain.Workspaces;

namespace OrgFunctions.Domain.Tests.Workspaces;

public class WorkspaceNameTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Sales\u0000")]
    [InlineData("Sales\u202E")]
    [InlineData("two\nlines")]
    [InlineData("\u200B")]
    public void RefusesEmptyControlBidiMultiLineAndInvisibleOnlyNames(string value)
    {
        Assert.False(WorkspaceName.TryCreate(value, out var name, out var error));
        Assert.Null(name);
        Assert.StartsWith("A workspace name ", error);
        Assert.Equal(error, Assert.Throws<DomainException>(() => WorkspaceName.Create(value)).Message);
    }

    [Fact]
    public void AcceptsAHundredCharactersAndRefusesOneMore()
    {
        Assert.Equal(100, WorkspaceName.Create(new string('a', 100)).Value.Length);
        Assert.False(WorkspaceName.TryCreate(new string('a', 101), out _, out var error));
        Assert.Contains("1 to 100", error);
    }

    [Fact]
    public void StoresTrimmedNfcAndFoldsCaseCompositionAndInvisibleCharacters()
    {
        Assert.Equal("Café", WorkspaceName.Create(" Cafe\u0301 ").Value);
        Assert.Equal(WorkspaceName.Create("SUPPORT").UniquenessKey, WorkspaceName.Create("support").UniquenessKey);
        Assert.Equal(WorkspaceName.Create("café").UniquenessKey, WorkspaceName.Create("Cafe\u0301").UniquenessKey);
        Assert.Equal(WorkspaceName.Create("Desk").UniquenessKey, WorkspaceName.Create("D\u200Besk").UniquenessKey);
        Assert.NotEqual(WorkspaceName.Create("Desk").UniquenessKey, WorkspaceName.Create("Desks").UniquenessKey);
    }

    [Fact]
    public void RestoresAStoredNameAsItWas()
    {
        Assert.Equal("odd\u202E", WorkspaceName.Restore("odd\u202E").Value);
    }
}
