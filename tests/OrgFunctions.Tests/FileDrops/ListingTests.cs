using Azure.Storage.Blobs.Specialized;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>
/// Each run goes on listing the SFTP homes where the last one stopped: no inbox waits for ever behind history, and files
/// that can't be finished don't fill every run.
/// </summary>
public class ListingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Row = "channel,identifier\nsms,+353871234567\n";

    [Fact]
    public async Task AnInboxBehindMoreHistoryThanARunListsIsStillReached()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        // "failed/" sorts before "inbox/": 30 finished files of this home, then its inbox file.
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => h.Container.GetBlobClient($"failed/f{i:D2}.csv").UploadAsync(new BinaryData(Row))));
        await h.DropAsync("blocklist.csv", Row);
        var ingester = h.Instance(configure: o => o.MaxBlobsListedPerRun = 10);

        var runs = new List<int>();
        for (var i = 0; i < 5 && (await h.BlobNamesAsync("inbox")).Count > 0; i++)
        {
            runs.Add((await ingester.RunAsync(default)).Finished);
        }

        Assert.Empty(await h.BlobNamesAsync("inbox"));
        Assert.Equal([0, 0, 0, 1], runs);
        Assert.Single(await h.RowsAsync(h.Tables.Blocklist));
    }

    [Fact]
    public async Task FilesThatCantBeFinishedArePassedOverSoTheOthersAreReached()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        // Three files another instance holds leases on, in a home listed before this org's ('0' sorts before every org id).
        var leases = new List<BlobLeaseClient>();
        var stuckHome = h.HomeNamed("0stuck");
        await stuckHome.CreateIfNotExistsAsync();
        for (var i = 0; i < 3; i++)
        {
            var stuck = stuckHome.GetBlobClient($"inbox/blocklist-{i}.csv");
            await stuck.UploadAsync(new BinaryData(Row));
            leases.Add(stuck.GetBlobLeaseClient());
            await leases[^1].AcquireAsync(TimeSpan.FromSeconds(60));
        }
        await h.DropAsync("blocklist-a.csv", Row);
        await h.DropAsync("blocklist-b.csv", "channel,identifier\nsms,+353871234568\n");
        var ingester = h.Instance(configure: o => o.MaxFilesPerRun = 2);

        var first = await ingester.RunAsync(default);
        var second = await ingester.RunAsync(default);
        var third = await ingester.RunAsync(default);

        Assert.Equal((2, 0), (first.Busy, first.Finished));
        Assert.Equal((1, 1), (second.Busy, second.Finished));
        Assert.Equal((0, 1), (third.Busy, third.Finished));
        Assert.Empty(await h.BlobNamesAsync("inbox"));
        Assert.Equal(2, (await h.RowsAsync(h.Tables.Blocklist)).Count);
        // At the end of the homes the listing wraps: the stuck files are tried again.
        Assert.Equal(2, (await ingester.RunAsync(default)).Busy);
        foreach (var lease in leases)
        {
            await lease.ReleaseAsync();
        }
    }

    [Fact]
    public async Task HomesAreVisitedABoundedNumberPerRunEachRunGoingOnAfterTheLast()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        var others = new[] { (await h.Orgs.Trees.RootAsync()).Root, (await h.Orgs.Trees.RootAsync()).Root };
        await h.DropAsync("blocklist.csv", Row);
        foreach (var other in others)
        {
            await h.DropAsync("blocklist.csv", Row, h.Homes.Container(other.Org.Id));
        }
        var ingester = h.Instance(configure: o => o.MaxContainersPerRun = 1);

        var runs = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            runs.Add((await ingester.RunAsync(default)).Finished);
        }

        Assert.Equal([1, 1, 1, 0], runs);
        foreach (var org in others.Append(h.Org))
        {
            Assert.Single(await h.RowsAsync(h.Tables.Blocklist, org.Org.Id.Value));
        }
    }

    [Fact]
    public async Task FinishedFilesKeptLongerThanTheKeepDaysAreDeletedAndTheRestKept()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist.csv", Row);
        await h.RunAsync();
        await h.DropAsync("contacts.xlsx", "?");
        await h.RunAsync();
        Assert.Equal(2, (await h.BlobNamesAsync("processed")).Count);
        Assert.Equal(2, (await h.BlobNamesAsync("failed")).Count);
        await h.DropAsync("blocklist-new.csv", "channel,identifier\nsms,+353871234568\n");
        var later = new Builders.FrozenClock(DateTimeOffset.UtcNow.AddDays(91));

        await h.Instance(configure: o => o.KeepFinishedDays = 0, clock: later).RunAsync(default);
        Assert.Equal(4, (await h.BlobNamesAsync("processed")).Count);
        Assert.Equal(2, (await h.BlobNamesAsync("failed")).Count);
        await h.DropAsync("blocklist-newer.csv", "channel,identifier\nsms,+353871234569\n");
        await h.Instance(clock: later).RunAsync(default);

        // The 90-day default: everything finished before is gone (files and reports); the file this run finished is kept.
        var processed = await h.BlobNamesAsync("processed");
        Assert.Equal(2, processed.Count);
        Assert.All(processed, name => Assert.Contains("blocklist-newer.csv", name));
        Assert.Empty(await h.BlobNamesAsync("failed"));
        Assert.Equal(4, (await h.RowsAsync(h.Tables.Imports)).Count(r => r.RowKey[0] is >= '0' and <= '9'));
    }
}
