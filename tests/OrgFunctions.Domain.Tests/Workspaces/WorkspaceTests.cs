using OrgFunctions.Domain.Workspaces;

namespace OrgFunctions.Domain.Tests.Workspaces;

public class WorkspaceTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheDefaultWorkspaceHasItsFixedIdAndNameAndCanBeRenamed()
    {
        var workspace = Workspace.Default(At);
        Assert.Equal(("default", "Default workspace"), (workspace.Id, workspace.Name.Value));

        workspace.Rename(WorkspaceName.Create("Front desk"));

        Assert.Equal(("default", "Front desk"), (workspace.Id, workspace.Name.Value));
    }

    [Fact]
    public void ADescriptionIsTrimmedBlankIsNoneAndTooLongIsRefused()
    {
        var workspace = Workspace.Create(Workspace.NewId(), WorkspaceName.Create("Sales"), "  Leads \n and deals ", At);
        Assert.Equal("Leads \n and deals", workspace.Description);

        workspace.Describe("   ");
        Assert.Null(workspace.Description);
        Assert.Throws<DomainException>(() => workspace.Describe(new string('x', 1001)));
        Assert.NotNull(WorkspaceDescription.Problem("bad\u202E"));
    }

    [Fact]
    public void NewIdsAreWellFormedAndAMalformedIdIsRefused()
    {
        Assert.True(ItemIds.IsMinted(Workspace.NewId(), "ws_", 20));
        Assert.Throws<DomainException>(() => Workspace.Create("no/slash", WorkspaceName.Create("x"), null, At));
    }
}
