using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OrgFunctions.Storage;

namespace OrgFunctions.Access;

/// <summary>
/// What authenticating and locating cost when warm (ADR 0026): callers by the hash of their whole token and org rows by
/// org id, each served for at most <see cref="AccessOptions.CacheStaleness"/> after the reads it came from began, and
/// never after this process committed a change to the entry's tree (<see cref="TreeChanges"/>); org locations, which
/// never change, for as long as there is room (<see cref="KeepForGood"/>). Only what was found is kept: a refusal is never cached, so a key or session just created works at once. Bounded by
/// <see cref="AccessOptions.CacheEntries"/>, so a flood of tokens can't grow memory.
/// </summary>
public sealed class AccessCache : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly TimeSpan _staleness;
    private readonly TimeProvider _clock;
    private readonly TreeChanges _changes;

    public AccessCache(IOptions<AccessOptions> options, TimeProvider clock, OrgTables tables)
    {
        _staleness = options.Value.CacheStaleness;
        _clock = clock;
        _changes = tables.Changes;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.CacheEntries });
    }

    /// <summary>The entry of an API key's caller: the SHA-256 of the whole token as presented, secret included.</summary>
    public static string KeyCallerKey(string token) =>
        "key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The entry of a session's caller: the session's token hash (of the whole token), as its row is stored under.</summary>
    public static string SessionCallerKey(string tokenHash) => "session:" + tokenHash;

    /// <summary>The entry of an org's location (id → path), which never changes while the org lives.</summary>
    public static string LocationKey(string orgId) => "location:" + orgId;

    /// <summary>The entry of an org's row, as listings see it.</summary>
    public static string OrgKey(string orgId) => "org:" + orgId;

    /// <summary>Where the clock and this process's changes stand: take it before the reads whose result is to be kept.</summary>
    public CacheMark Mark() => new(_changes.Current, _clock.GetUtcNow());

    /// <summary>The entry under <paramref name="key"/> if it is still within the bound and its tree unchanged here since it was read.</summary>
    public T? Find<T>(string key) where T : class
    {
        if (_staleness <= TimeSpan.Zero || !_entries.TryGetValue(key, out Entry? entry) || entry is null)
        {
            return null;
        }
        if (_clock.GetUtcNow() >= entry.ValidUntil || (entry.Tree is not null && _changes.ChangedSince(entry.Tree, entry.Mark.Sequence)))
        {
            _entries.Remove(key);
            return null;
        }
        return entry.Value as T;
    }

    /// <summary>Keeps what reads of <paramref name="tree"/> begun at <paramref name="mark"/> found.</summary>
    public void Keep<T>(string key, string tree, CacheMark mark, T value) where T : class
    {
        if (_staleness <= TimeSpan.Zero || _changes.ChangedSince(tree, mark.Sequence))
        {
            return;
        }
        var validUntil = mark.At + _staleness;
        // The memory cache's own expiry (real time) only frees memory; whether an entry may be served is ValidUntil's
        // (the app's clock), checked on every find.
        _entries.Set(key, new Entry(value, tree, mark, validUntil),
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _staleness });
    }

    /// <summary>
    /// Keeps what never changes once found (an org's location: an id is never reused, a path never moves), for as long as
    /// the size limit lets it stay: neither the bound nor a change to its tree ends it. What may have changed since is
    /// checked where it matters (the org's row is read, or taken from a bounded entry).
    /// </summary>
    public void KeepForGood<T>(string key, T value) where T : class
    {
        if (_staleness <= TimeSpan.Zero)
        {
            return;
        }
        _entries.Set(key, new Entry(value, null, default, DateTimeOffset.MaxValue), new MemoryCacheEntryOptions { Size = 1 });
    }

    /// <summary>Drops an entry at once (a session signed out here).</summary>
    public void Forget(string key) => _entries.Remove(key);

    public void Dispose() => _entries.Dispose();

    /// <summary>A value, the tree it was read from and when (no tree: kept for good), and until when it may be served.</summary>
    private sealed record Entry(object Value, string? Tree, CacheMark Mark, DateTimeOffset ValidUntil);
}

/// <summary>This process's change sequence and the time, taken before a read (<see cref="AccessCache.Mark"/>).</summary>
public readonly record struct CacheMark(long Sequence, DateTimeOffset At);
