namespace Microsoft.DurableTask;

/// <summary>Either a declarative <see cref="RetryPolicy"/> or an imperative <see cref="AsyncRetryHandler"/>.</summary>
public sealed class TaskRetryOptions
{
    public TaskRetryOptions(RetryPolicy policy)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    public TaskRetryOptions(AsyncRetryHandler handler)
    {
        Handler = handler ?? throw new ArgumentNullException(nameof(handler));
    }

    public RetryPolicy? Policy { get; }

    public AsyncRetryHandler? Handler { get; }

    public static implicit operator TaskRetryOptions(RetryPolicy policy) => FromRetryPolicy(policy);

    public static implicit operator TaskRetryOptions(AsyncRetryHandler handler) => FromRetryHandler(handler);

    public static implicit operator TaskRetryOptions(RetryHandler handler) => FromRetryHandler(handler);

    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    public static TaskRetryOptions FromRetryHandler(AsyncRetryHandler handler) => new(handler);

    public static TaskRetryOptions FromRetryHandler(RetryHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return FromRetryHandler(context => Task.FromResult(handler(context)));
    }
}
