using System.Collections.Concurrent;

namespace OrgFunctions.Storage;

/// <summary>
/// The changes this process has committed to each tree, as a sequence: an in-process cache takes <see cref="Current"/>
/// before it reads a tree's rows and serves what it read only while <see cref="ChangedSince"/> says no change to that
/// tree was committed here after. So a change takes effect at once on the instance that made it; other instances learn of
/// it only by reading again (ADR 0026).
/// </summary>
public sealed class TreeChanges
{
    private long _sequence;

    // One number per tree changed by this process: as many as there are trees, never more.
    private readonly ConcurrentDictionary<string, long> _lastChange = new(StringComparer.Ordinal);

    public long Current => Interlocked.Read(ref _sequence);

    /// <summary>Called after a write to <paramref name="tree"/> (a tree's partition) ended, applied or not.</summary>
    public void Committed(string tree)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        _lastChange.AddOrUpdate(tree, sequence, (_, last) => Math.Max(last, sequence));
    }

    /// <summary>True if a change to <paramref name="tree"/> was committed here after <paramref name="mark"/> was taken.</summary>
    public bool ChangedSince(string tree, long mark) => _lastChange.TryGetValue(tree, out var last) && last > mark;
}
