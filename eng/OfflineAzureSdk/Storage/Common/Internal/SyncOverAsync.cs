namespace Azure.Storage.Internal;

/// <summary>
/// Each operation is written once with an <c>async</c> flag; with <c>async: false</c> every await
/// inside completes synchronously, so the sync API can take the result without blocking.
/// </summary>
internal static class SyncOverAsync
{
    public static T EnsureCompleted<T>(this ValueTask<T> task)
    {
        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("A synchronous storage call did not complete synchronously.");
        }
        return task.GetAwaiter().GetResult();
    }

    public static T EnsureCompleted<T>(this Task<T> task)
    {
        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("A synchronous storage call did not complete synchronously.");
        }
        return task.GetAwaiter().GetResult();
    }
}
