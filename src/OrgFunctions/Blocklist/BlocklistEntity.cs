using OrgFunctions.Storage;

namespace OrgFunctions.Blocklist;

/// <summary>A blocked sender's row in the Blocklist table (PartitionKey = org id); <see cref="BlocklistRow"/> maps it.</summary>
public sealed class BlocklistEntity : TableRow
{
    public string? Channel { get; set; }
    public string Identifier { get; set; } = "";
    public string? Reason { get; set; }
    public DateTimeOffset? Until { get; set; }
    public DateTimeOffset? AddedAt { get; set; }
    public string? Source { get; set; }

    /// <summary>When this version of the entry was written (its <c>blocklist.added</c> event's time).</summary>
    public DateTimeOffset? ChangedAt { get; set; }
}

/// <summary>A mark of a blocklist add whose event may not be written yet (<see cref="PendingBlocklistEvents"/>).</summary>
public sealed class BlocklistEventMarkEntity : TableRow
{
    public string OrgPath { get; set; } = "";
    public string EntryKey { get; set; } = "";
    public string? Actor { get; set; }
    public DateTimeOffset? MarkedAt { get; set; }
}
