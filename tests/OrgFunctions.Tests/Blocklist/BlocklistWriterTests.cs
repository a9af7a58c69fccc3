using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Blocklist;
using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Domain.Events;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.FileDrops;

namespace OrgFunctions.Tests.Blocklist;

public class BlocklistWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnEventLostToACrashAfterTheRowIsEmittedByTheNextAddOfThatSenderAndOnlyOnce()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        var writer = h.Services.GetRequiredService<BlocklistWriter>();
        var entry = new BlockEntry(Channel.Sms, "+353871234567", BlockEntry.StopReplyReason, null, DateTimeOffset.UtcNow, BlockEntry.StopReplyReason);
        // The crash: the row was stored, the event never written.
        await h.Tables.EnsureCreatedAsync();
        await h.Tables.Blocklist.AddEntityAsync(BlocklistRow.Create(h.OrgId, entry));

        var (_, created) = await writer.AddAsync(h.Org.Org.Path, entry with { AddedAt = DateTimeOffset.UtcNow.AddMinutes(1) }, "test", default);
        await writer.AddAsync(h.Org.Org.Path, entry with { AddedAt = DateTimeOffset.UtcNow.AddMinutes(2) }, "test", default);

        Assert.False(created);
        var e = Assert.Single(await h.EventsAsync(EventTypes.BlocklistAdded));
        Assert.Equal(entry.AddedAt, e.OccurredAt);
    }

    [Fact]
    public async Task AnAddLeavesNoPendingMarkBehind()
    {
        var h = await FileDropHarness.CreateAsync(azurite);

        await h.Services.GetRequiredService<BlocklistWriter>().AddAsync(h.Org.Org.Path, Entry("+353871234567"), "test", default);

        Assert.DoesNotContain(await Pending(h).ListAsync(1000, default), m => m.RowKey.StartsWith(h.OrgId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAddCutOffBeforeItsEventIsFinishedByTheSweeperExactlyOnce()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        var entry = Entry("+353871234568");
        // What a crash after the entry's write leaves: the mark and the entry, no event.
        await Pending(h).MarkAsync(h.Org.Org.Path, BlocklistRow.RowKey(entry.Channel, entry.Identifier), "apikey:x", DateTimeOffset.UtcNow, default);
        await h.Tables.Blocklist.AddEntityAsync(BlocklistRow.Create(h.OrgId, entry));

        var tooSoon = await Sweeper(h, DateTimeOffset.UtcNow).SweepAsync(default);
        Assert.Equal(0, tooSoon);
        Assert.Empty(await h.EventsAsync(EventTypes.BlocklistAdded));

        var later = Sweeper(h, DateTimeOffset.UtcNow + BlocklistEventSweeper.Grace + TimeSpan.FromSeconds(5));
        await later.SweepAsync(default);
        await later.SweepAsync(default);
        await h.Services.GetRequiredService<BlocklistWriter>().AddAsync(h.Org.Org.Path, entry, "apikey:x", default);

        var e = Assert.Single(await h.EventsAsync(EventTypes.BlocklistAdded));
        Assert.Equal(entry.Identifier, e.Data["identifier"]!.GetValue<string>());
        Assert.Equal("apikey:x", e.Actor);
        Assert.DoesNotContain(await Pending(h).ListAsync(1000, default), m => m.RowKey.StartsWith(h.OrgId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMarkWhoseEntryWasNeverWrittenIsClearedWithoutAnEvent()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.Tables.EnsureCreatedAsync();
        await Pending(h).MarkAsync(h.Org.Org.Path, BlocklistRow.RowKey(Channel.Sms, "+353871234569"), "apikey:x", DateTimeOffset.UtcNow, default);

        await Sweeper(h, DateTimeOffset.UtcNow + BlocklistEventSweeper.Grace + TimeSpan.FromSeconds(5)).SweepAsync(default);

        Assert.Empty(await h.EventsAsync(EventTypes.BlocklistAdded));
        Assert.DoesNotContain(await Pending(h).ListAsync(1000, default), m => m.RowKey.StartsWith(h.OrgId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMarkWithAnUnreadableOrgPathIsClearedAndTheSweepGoesOnToTheOthers()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.Tables.EnsureCreatedAsync();
        var entry = Entry("+353871234570");
        var stray = "not an org path|" + Guid.NewGuid().ToString("N");
        await h.Tables.Blocklist.UpsertEntityAsync(new BlocklistEventMarkEntity
        {
            PartitionKey = PendingBlocklistEvents.PartitionKey, RowKey = stray, OrgPath = "not an org path", EntryKey = "k", MarkedAt = DateTimeOffset.UtcNow,
        });
        await Pending(h).MarkAsync(h.Org.Org.Path, BlocklistRow.RowKey(entry.Channel, entry.Identifier), "apikey:x", DateTimeOffset.UtcNow, default);
        await h.Tables.Blocklist.UpsertEntityAsync(BlocklistRow.Create(h.OrgId, entry, DateTimeOffset.UtcNow));

        await Sweeper(h, DateTimeOffset.UtcNow + BlocklistEventSweeper.Grace + TimeSpan.FromSeconds(5)).SweepAsync(default);

        Assert.Single(await h.EventsAsync(EventTypes.BlocklistAdded));
        Assert.DoesNotContain(await Pending(h).ListAsync(1000, default), m => m.RowKey == stray);
    }

    private static BlockEntry Entry(string identifier) =>
        new(Channel.Sms, identifier, BlockEntry.StopReplyReason, null, DateTimeOffset.UtcNow, BlockEntry.StopReplyReason);

    private static PendingBlocklistEvents Pending(FileDropHarness h) => h.Services.GetRequiredService<PendingBlocklistEvents>();

    private static BlocklistEventSweeper Sweeper(FileDropHarness h, DateTimeOffset now) => new(h.Tables, Pending(h),
        h.Services.GetRequiredService<OrgFunctions.Outbox.OutboxOnce>(), new Builders.FrozenClock(now),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<BlocklistEventSweeper>.Instance);

    [Fact]
    public void RowKeysEscapeWhatTableKeysCannotHold()
    {
        var key = BlocklistRow.RowKey(Channel.Messenger, "a/b\\c#d?e~f%g\u0001h");

        Assert.Equal("messenger:a~2Fb~5Cc~23d~3Fe~7Ef~25g~01h", key);
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }
}
