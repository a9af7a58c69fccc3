using System.Collections.Concurrent;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>The locks currently held by this process, by lock token: how a settle call finds its message.</summary>
internal sealed class MessageLocks
{
    private readonly ConcurrentDictionary<string, MessageLock> _locks = new(StringComparer.OrdinalIgnoreCase);

    public void Add(MessageLock messageLock) => _locks[messageLock.LockToken.ToString()] = messageLock;

    public void Remove(MessageLock messageLock) => _locks.TryRemove(messageLock.LockToken.ToString(), out _);

    public MessageLock? Find(string lockToken) => _locks.TryGetValue(lockToken, out var found) ? found : null;
}
