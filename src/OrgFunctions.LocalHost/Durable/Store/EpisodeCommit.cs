using OrgFunctions.LocalHost.Durable.History;

namespace OrgFunctions.LocalHost.Durable.Store;

/// <summary>
/// What one orchestrator episode changes in an instance's log. A store applies it atomically, so a crash
/// leaves either the episode's history with its new work, or neither.
/// </summary>
internal sealed record EpisodeCommit
{
    /// <summary>Sequence number of the first appended event (the history's length before the episode).</summary>
    public int FirstSequence { get; init; }

    public IReadOnlyList<HistoryEvent> AppendHistory { get; init; } = [];

    public IReadOnlyList<string> DeleteMessages { get; init; } = [];

    public IReadOnlyList<InboxMessage> AddMessages { get; init; } = [];

    public IReadOnlyList<ActivityWorkItem> AddWorkItems { get; init; } = [];

    public IReadOnlyList<string> DeleteWorkItems { get; init; } = [];
}
