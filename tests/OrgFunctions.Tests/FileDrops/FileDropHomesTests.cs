using OrgFunctions.Access;
using OrgFunctions.FileDrops;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>Each org's SFTP home is a container of its own, made with the org and removed with it.</summary>
public class FileDropHomesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    private FileDropHomes Homes => _app.Get<FileDropHomes>();

    [Fact]
    public void AHomeIsTheContainerOfThePrefixAndTheOrgId()
    {
        var id = Domain.Orgs.OrgId.New();

        Assert.Equal("sftp-" + id.Value, Homes.ContainerName(id));
        Assert.Equal(id.Value, Homes.OrgIdOf("sftp-" + id.Value));
    }

    [Fact]
    public async Task DeletingAnOrgRemovesItsHomeAndItsDescendantsHomesAndNoOtherOrgs()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root);
        var grandchild = await _app.Trees.ChildAsync(child);
        var sibling = await _app.Trees.ChildAsync(root);
        foreach (var org in new[] { child, grandchild, sibling })
        {
            await Homes.CreateAsync(org.Org.Id, default);
        }

        var deleted = await _app.Get<OrgService>().DeleteAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), child), cascade: true, default);

        Assert.True(deleted.Succeeded);
        Assert.False((await Homes.Container(child.Org.Id).ExistsAsync()).Value);
        Assert.False((await Homes.Container(grandchild.Org.Id).ExistsAsync()).Value);
        Assert.True((await Homes.Container(sibling.Org.Id).ExistsAsync()).Value);
        Assert.True((await Homes.Container(root.Org.Id).ExistsAsync()).Value);
    }

    [Fact]
    public async Task MakingAHomeTwiceIsHarmless()
    {
        var (root, _) = await _app.Trees.RootAsync();

        await Homes.CreateAsync(root.Org.Id, default);
        await Homes.CreateAsync(root.Org.Id, default);

        Assert.True((await Homes.Container(root.Org.Id).ExistsAsync()).Value);
    }
}
