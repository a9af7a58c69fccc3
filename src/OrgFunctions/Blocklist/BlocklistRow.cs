using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Storage;

namespace OrgFunctions.Blocklist;

/// <summary>A <see cref="BlockEntry"/> as a row of the Blocklist table: PartitionKey = org id, RowKey = channel:identifier.</summary>
public static class BlocklistRow
{
    public static string RowKey(Channel channel, string normalisedIdentifier) =>
        channel.Name() + ":" + KeyEncoding.Encode(normalisedIdentifier);

    /// <param name="changedAt">When this version of the entry was written (its <c>blocklist.added</c> event's time).</param>
    public static BlocklistEntity Create(string orgId, BlockEntry entry, DateTimeOffset? changedAt = null) => new()
    {
        PartitionKey = orgId,
        RowKey = RowKey(entry.Channel, entry.Identifier),
        Channel = entry.Channel.Name(),
        Identifier = entry.Identifier,
        Reason = entry.Reason,
        Until = entry.Until,
        AddedAt = entry.AddedAt,
        Source = entry.Source,
        ChangedAt = changedAt ?? entry.AddedAt,
    };

    public static (BlockEntry Entry, ETag ETag) Read(BlocklistEntity row) => (ReadEntry(row), row.ETag);

    public static DateTimeOffset ChangedAt(BlocklistEntity row) => row.ChangedAt ?? ReadEntry(row).AddedAt;

    private static BlockEntry ReadEntry(BlocklistEntity row)
    {
        Channels.TryParse(row.Channel, out var channel);
        return new BlockEntry(channel, row.Identifier, row.Reason ?? "", row.Until, row.AddedAt ?? DateTimeOffset.MinValue, row.Source ?? "");
    }
}
