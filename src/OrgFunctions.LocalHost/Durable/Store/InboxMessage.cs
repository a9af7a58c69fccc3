using OrgFunctions.LocalHost.Durable.History;

namespace OrgFunctions.LocalHost.Durable.Store;

/// <summary>
/// An event waiting for the orchestrator's next episode: an activity result, a raised event, a timer (invisible
/// until <see cref="VisibleAt"/>), a sub-orchestration's outcome, or a terminate request.
/// </summary>
internal sealed record InboxMessage(string Key, string ExecutionId, HistoryEvent Event, DateTime VisibleAt)
{
    /// <summary>A key that sorts by arrival and never collides.</summary>
    public static string NewKey(DateTime at) => $"{at.Ticks:D19}-{Guid.NewGuid():N}";
}
