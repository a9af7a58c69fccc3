using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Tests.Orgs;

public class OrgPathTests
{
    private static readonly OrgId Root = OrgId.New();

    [Fact]
    public void ChildKnowsItsParentRootAndDepth()
    {
        var (a, b) = (OrgId.New(), OrgId.New());
        var path = OrgPath.Root(Root).Child(a).Child(b);

        Assert.Equal(b, path.OrgId);
        Assert.Equal(a, path.ParentId);
        Assert.Equal(Root, path.RootId);
        Assert.Equal(2, path.Depth);
        Assert.Equal(path, OrgPath.Parse(path.Value));
        Assert.Equal(OrgPath.Root(Root).Child(a), path.Parent);
        Assert.Equal(a, path.Parent!.OrgId);
        Assert.Null(OrgPath.Root(Root).Parent);
    }

    [Fact]
    public void DescendantTestIsAPrefixTestThatRespectsSegmentBoundaries()
    {
        var parent = OrgPath.Root(Root);
        var child = parent.Child(OrgId.New());
        // Another root whose id starts with the first root's id must not count as its descendant.
        var lookalike = OrgPath.Parse(Root.Value[..19] + (Root.Value[19] == 'a' ? 'b' : 'a'));

        Assert.True(child.IsDescendantOf(parent));
        Assert.False(parent.IsDescendantOf(child));
        Assert.False(parent.IsDescendantOf(parent));
        Assert.True(parent.IsSameOrDescendantOf(parent));
        Assert.False(lookalike.IsSameOrDescendantOf(parent));
    }

    [Fact]
    public void SortingPathsListsATreeDepthFirstAndASubtreeIsOneKeyRange()
    {
        var root = OrgPath.Root(Root);
        var tree = new List<OrgPath> { root };
        for (var i = 0; i < 4; i++)
        {
            var child = root.Child(OrgId.New());
            tree.Add(child);
            for (var j = 0; j < 3; j++)
            {
                var grandchild = child.Child(OrgId.New());
                tree.Add(grandchild);
                tree.Add(grandchild.Child(OrgId.New()));
            }
        }

        var sorted = tree.OrderBy(p => p.Value, StringComparer.Ordinal).ToList();

        for (var i = 1; i < sorted.Count; i++)
        {
            // Depth-first: every org comes after its parent, and the org before it is its parent or in an earlier subtree.
            Assert.True(sorted[i].ParentId is { } parent && sorted.Take(i).Any(p => p.OrgId == parent));
        }
        foreach (var node in tree)
        {
            var inRange = sorted.Where(p => string.CompareOrdinal(p.Value, node.Value) >= 0
                                            && string.CompareOrdinal(p.Value, node.SubtreeUpperBound) < 0).ToList();
            var subtree = tree.Where(p => p.IsSameOrDescendantOf(node)).ToList();
            Assert.Equal(subtree.Select(p => p.Value).Order(StringComparer.Ordinal), inRange.Select(p => p.Value));
        }
    }

    [Fact]
    public void PathsHoldNoCharacterTableKeysRefuse()
    {
        var path = OrgPath.Root(Root).Child(OrgId.New()).Child(OrgId.New());

        Assert.DoesNotContain(path.Value, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("aaaaaaaaaaaaaaaaaaa/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA")]
    public void ParseRefusesWhatIsNotAPath(string value)
    {
        Assert.Throws<DomainException>(() => OrgPath.Parse(value));
    }
}
