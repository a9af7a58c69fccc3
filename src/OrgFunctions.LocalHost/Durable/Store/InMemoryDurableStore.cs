using Microsoft.DurableTask.Client;
using OrgFunctions.LocalHost.Durable.History;

namespace OrgFunctions.LocalHost.Durable.Store;

/// <summary>A store in process memory: for unit tests of the engine, where durability across processes isn't the subject.</summary>
internal sealed class InMemoryDurableStore : IDurableStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, InstanceRecord> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Log> _logs = new(StringComparer.Ordinal);

    public Task InitializeAsync(CancellationToken cancellation) => Task.CompletedTask;

    public Task<InstanceRecord?> ReadInstanceAsync(string instanceId, CancellationToken cancellation)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.GetValueOrDefault(instanceId));
        }
    }

    public Task<bool> TryCreateInstanceAsync(InstanceRecord record, CancellationToken cancellation)
    {
        lock (_gate)
        {
            if (_instances.ContainsKey(record.InstanceId))
            {
                return Task.FromResult(false);
            }
            _instances[record.InstanceId] = record with { ETag = Guid.NewGuid().ToString("N") };
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryReplaceInstanceAsync(InstanceRecord record, string etag, CancellationToken cancellation)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(record.InstanceId, out var current) || current.ETag != etag)
            {
                return Task.FromResult(false);
            }
            _instances[record.InstanceId] = record with { ETag = Guid.NewGuid().ToString("N") };
            return Task.FromResult(true);
        }
    }

    public Task WriteInstanceAsync(InstanceRecord record, CancellationToken cancellation)
    {
        lock (_gate)
        {
            _instances[record.InstanceId] = record with { ETag = Guid.NewGuid().ToString("N") };
            return Task.CompletedTask;
        }
    }

    public Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken cancellation)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.Remove(instanceId));
        }
    }

    public Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(
        IReadOnlyCollection<OrchestrationRuntimeStatus> statuses, CancellationToken cancellation)
    {
        lock (_gate)
        {
            IReadOnlyList<InstanceRecord> found = _instances.Values.Where(record => statuses.Contains(record.Status)).ToList();
            return Task.FromResult(found);
        }
    }

    public Task<InstanceLog> ReadLogAsync(string instanceId, CancellationToken cancellation)
    {
        lock (_gate)
        {
            if (!_logs.TryGetValue(instanceId, out var log))
            {
                return Task.FromResult(InstanceLog.Empty);
            }
            return Task.FromResult(new InstanceLog(
                log.History.ToList(),
                log.Inbox.Values.OrderBy(message => message.Key, StringComparer.Ordinal).ToList(),
                log.WorkItems.Values.ToList()));
        }
    }

    public Task CommitEpisodeAsync(string instanceId, EpisodeCommit commit, CancellationToken cancellation)
    {
        lock (_gate)
        {
            var log = LogOf(instanceId);
            if (log.History.Count != commit.FirstSequence)
            {
                throw new InvalidOperationException($"History of '{instanceId}' changed concurrently.");
            }
            log.History.AddRange(commit.AppendHistory);
            foreach (var key in commit.DeleteMessages)
            {
                log.Inbox.Remove(key);
            }
            foreach (var message in commit.AddMessages)
            {
                log.Inbox[message.Key] = message;
            }
            foreach (var key in commit.DeleteWorkItems)
            {
                log.WorkItems.Remove(key);
            }
            foreach (var item in commit.AddWorkItems)
            {
                log.WorkItems[item.Key] = item;
            }
            return Task.CompletedTask;
        }
    }

    public Task PutMessageAsync(string instanceId, InboxMessage message, CancellationToken cancellation)
    {
        lock (_gate)
        {
            LogOf(instanceId).Inbox[message.Key] = message;
            return Task.CompletedTask;
        }
    }

    public Task<bool> CompleteActivityAsync(string instanceId, string workItemKey, InboxMessage result, CancellationToken cancellation)
    {
        lock (_gate)
        {
            var log = LogOf(instanceId);
            if (!log.WorkItems.Remove(workItemKey))
            {
                return Task.FromResult(false);
            }
            log.Inbox[result.Key] = result;
            return Task.FromResult(true);
        }
    }

    public Task ClearLogAsync(string instanceId, CancellationToken cancellation)
    {
        lock (_gate)
        {
            _logs.Remove(instanceId);
            return Task.CompletedTask;
        }
    }

    private Log LogOf(string instanceId)
    {
        if (!_logs.TryGetValue(instanceId, out var log))
        {
            _logs[instanceId] = log = new Log();
        }
        return log;
    }

    private sealed class Log
    {
        public List<HistoryEvent> History { get; } = [];
        public Dictionary<string, InboxMessage> Inbox { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ActivityWorkItem> WorkItems { get; } = new(StringComparer.Ordinal);
    }
}
