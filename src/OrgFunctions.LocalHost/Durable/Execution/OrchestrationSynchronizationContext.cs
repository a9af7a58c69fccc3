using System.Collections.Concurrent;

namespace OrgFunctions.LocalHost.Durable.Execution;

/// <summary>
/// Runs an orchestrator's continuations on the replaying thread, one at a time and only when the executor
/// drains the queue. That keeps replay single-threaded and deterministic, as Durable's own executor does.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued continuations, and those they queue, until none is left.</summary>
    public void Drain()
    {
        while (_queue.TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }
}
