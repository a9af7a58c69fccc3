using OrgFunctions.Domain.Blocklist;

namespace OrgFunctions.Blocklist;

/// <summary>A blocklist entry as the API shows it.</summary>
public sealed record BlocklistView(string Channel, string Identifier, string Reason, DateTimeOffset? Until, DateTimeOffset AddedAt, string Source)
{
    public static BlocklistView From(BlockEntry e) => new(e.Channel.Name(), e.Identifier, e.Reason, e.Until, e.AddedAt, e.Source);
}

/// <summary>The answer of a check: blocked by this org or an ancestor (<see cref="By"/>), and why.</summary>
public sealed record BlockCheckView(bool Blocked, string? By, string? Reason, DateTimeOffset? Until);
