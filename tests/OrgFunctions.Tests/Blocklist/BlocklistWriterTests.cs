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
    public void RowKeysEscapeWhatTableKeysCannotHold()
    {
        var key = BlocklistRow.RowKey(Channel.Messenger, "a/b\\c#d?e~f%g\u0001h");

        Assert.Equal("messenger:a~2Fb~5Cc~23d~3Fe~7Ef~25g~01h", key);
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }
}
