using Microsoft.DurableTask.Client;

namespace OrgFunctions.LocalHost.Durable.Store;

/// <summary>
/// Where instances and their logs live. One instance's log (history, inbox, work items) is one unit of atomic
/// change; the state row is separate and is derived from the log, so the log is the truth after a crash.
/// </summary>
internal interface IDurableStore
{
    Task InitializeAsync(CancellationToken cancellation);

    Task<InstanceRecord?> ReadInstanceAsync(string instanceId, CancellationToken cancellation);

    /// <summary>Inserts the row; false if one exists already.</summary>
    Task<bool> TryCreateInstanceAsync(InstanceRecord record, CancellationToken cancellation);

    /// <summary>Replaces the row if it is unchanged since it was read with <paramref name="etag"/>.</summary>
    Task<bool> TryReplaceInstanceAsync(InstanceRecord record, string etag, CancellationToken cancellation);

    Task WriteInstanceAsync(InstanceRecord record, CancellationToken cancellation);

    Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken cancellation);

    Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(
        IReadOnlyCollection<OrchestrationRuntimeStatus> statuses, CancellationToken cancellation);

    Task<InstanceLog> ReadLogAsync(string instanceId, CancellationToken cancellation);

    Task CommitEpisodeAsync(string instanceId, EpisodeCommit commit, CancellationToken cancellation);

    /// <summary>Adds or overwrites a message (a fixed key makes resending idempotent).</summary>
    Task PutMessageAsync(string instanceId, InboxMessage message, CancellationToken cancellation);

    /// <summary>
    /// Atomically removes the work item and records its result. False if the work item is gone (the instance
    /// was terminated, purged or restarted meanwhile): the result is then dropped.
    /// </summary>
    Task<bool> CompleteActivityAsync(string instanceId, string workItemKey, InboxMessage result, CancellationToken cancellation);

    Task ClearLogAsync(string instanceId, CancellationToken cancellation);
}
