using Azure.Storage.Blobs.Specialized;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>
/// Each run goes on listing the SFTP container where the last one stopped: no inbox waits for ever behind other orgs'
/// history, and files that can't be finished don't fill every run.
/// </summary>
public class ListingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Row = "channel,identifier\nsms,+353871234567\n";

    [Fact]
    public async Task AnInboxBehindMoreHistoryThanARunListsIsStillReached()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        // '!' sorts before every org id: 30 processed files of an earlier home, then this org's inbox file.
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => h.Container.GetBlobClient($"!earlier/processed/f{i:D2}.csv").UploadAsync(new BinaryData(Row))));
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
        // Three files another instance holds leases on, listed before this org's files.
        var leases = new List<BlobLeaseClient>();
        for (var i = 0; i < 3; i++)
        {
            var stuck = h.Container.GetBlobClient($"!stuck/inbox/blocklist-{i}.csv");
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
        // At the end of the container the listing wraps: the stuck files are tried again.
        Assert.Equal(2, (await ingester.RunAsync(default)).Busy);
        foreach (var lease in leases)
        {
            await lease.ReleaseAsync();
        }
    }
}
