namespace OrgFunctions.Application;

/// <summary>One listing's page sizes: what a caller gets without asking, and the most it may ask for.</summary>
public sealed record PageLimits(int DefaultSize, int MaxSize);

/// <summary>
/// A page asked for, as the HTTP edge resolved it: a size within the listing's <see cref="PageLimits"/>, and where
/// storage left off (its own token, already decoded from the API's; null for the first page).
/// </summary>
public sealed record PageRequest(int Size, string? StorageToken)
{
    public static PageRequest First(PageLimits limits) => new(limits.DefaultSize, null);
}

/// <summary>What every listing returns: one page of items and storage's token for the next (null on the last page).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);
