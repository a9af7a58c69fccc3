using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Webhooks;

/// <summary>
/// The delivery handler's view of subscriptions: a read is trusted for <see cref="WebhookOptions.SubscriptionCacheTtl"/>,
/// so a burst of deliveries to one subscription reads its row once, not once per delivery (ADR 0027). A change made
/// through this process (<see cref="SubscriptionService"/>, the handler's own health writes) is forgotten at once; one
/// made on another instance is seen within the TTL. The record handed out is shared: callers must not change it.
/// Its own <see cref="MemoryCache"/>, so no other module's size limits or evictions touch it.
/// </summary>
public sealed class SubscriptionCache(SubscriptionStore store, IOptions<WebhookOptions> options, TimeProvider clock) : IDisposable
{
    // Subscriptions are small and few per process; the limit only bounds a process that sees a great many of them.
    private const int MaxEntries = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries, Clock = new CacheClock(clock) });

    public async Task<SubscriptionRecord?> GetAsync(string treeId, OrgId orgId, string subscriptionId, CancellationToken cancellationToken)
    {
        var ttl = options.Value.SubscriptionCacheTtl;
        if (ttl <= TimeSpan.Zero)
        {
            return await store.GetAsync(treeId, orgId, subscriptionId, cancellationToken);
        }
        var key = Key(treeId, orgId, subscriptionId);
        if (_cache.TryGetValue(key, out SubscriptionRecord? cached))
        {
            return cached; // null too: a deleted subscription is remembered as deleted for the TTL
        }
        // Concurrent misses of one key may each read (a burst of them once per TTL); a failed read is not remembered.
        var record = await store.GetAsync(treeId, orgId, subscriptionId, cancellationToken);
        _cache.Set(key, record, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl, Size = 1 });
        return record;
    }

    /// <summary>The next read goes to storage (after this process changed the row).</summary>
    public void Forget(string treeId, OrgId orgId, string subscriptionId) => _cache.Remove(Key(treeId, orgId, subscriptionId));

    public void Dispose() => _cache.Dispose();

    private static string Key(string treeId, OrgId orgId, string subscriptionId) => $"{treeId}|{orgId}|{subscriptionId}";

    private sealed class CacheClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
