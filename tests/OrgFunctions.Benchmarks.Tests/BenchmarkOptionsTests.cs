namespace OrgFunctions.Benchmarks.Tests;

public class BenchmarkOptionsTests
{
    [Fact]
    public void TheFullRunIsTheIssuesTenThousandOrgTreeWithAThousandOrgSubtree()
    {
        var options = BenchmarkOptions.Parse([]);

        Assert.Equal((10_000, 1_000), (options.TreeSize, options.SubtreeSize));
    }

    [Fact]
    public void QuickAndSampleCountsAreRead()
    {
        var options = BenchmarkOptions.Parse(["--quick", "--samples", "50", "--listing-samples", "4", "--row-samples", "30"]);

        Assert.Equal(("quick", 50, 4, 30), (options.Name, options.PointReadSamples, options.ListingSamples, options.RowToJsonSamples));
    }

    [Fact]
    public void AnUnknownArgumentIsRefused() =>
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--fast"]));
}
