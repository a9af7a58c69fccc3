using OrgFunctions.LocalHost.Durable.History;

namespace OrgFunctions.LocalHost.Durable.Store;

/// <summary>Everything recorded for one instance besides its state row: history, inbox and open activities.</summary>
internal sealed record InstanceLog(
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<InboxMessage> Inbox,
    IReadOnlyList<ActivityWorkItem> WorkItems)
{
    public static InstanceLog Empty { get; } = new([], [], []);
}
