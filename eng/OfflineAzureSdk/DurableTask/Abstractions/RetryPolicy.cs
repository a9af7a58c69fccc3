namespace Microsoft.DurableTask;

/// <summary>A declarative retry policy for activity and sub-orchestration calls (Microsoft.DurableTask.Abstractions).</summary>
public class RetryPolicy
{
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        if (maxNumberOfAttempts <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNumberOfAttempts), maxNumberOfAttempts,
                $"The value for {nameof(maxNumberOfAttempts)} must be greater than zero.");
        }
        if (firstRetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRetryInterval), firstRetryInterval,
                $"The value for {nameof(firstRetryInterval)} must be greater than zero.");
        }
        if (backoffCoefficient < 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(backoffCoefficient), backoffCoefficient,
                $"The value for {nameof(backoffCoefficient)} must be greater or equal to 1.0.");
        }
        if (maxRetryInterval < firstRetryInterval && maxRetryInterval != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetryInterval), maxRetryInterval,
                $"The value for {nameof(maxRetryInterval)} must be greater or equal to the value for {nameof(firstRetryInterval)}.");
        }
        if (retryTimeout < firstRetryInterval && retryTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(retryTimeout), retryTimeout,
                $"The value for {nameof(retryTimeout)} must be greater or equal to the value for {nameof(firstRetryInterval)}.");
        }

        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
        Handle = _ => true;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan MaxRetryInterval { get; }

    public TimeSpan RetryTimeout { get; }

    /// <summary>Decides per exception whether to retry; the real default retries everything.</summary>
    public Func<Exception, bool> Handle { get; private init; }

    /// <summary>Decides per failure whether to retry. Attempt count and timeout still take precedence.</summary>
    public Func<TaskFailureDetails, bool> HandleTaskFailureDetails
    {
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            Handle = exception => exception is TaskFailedException failed
                ? value(failed.FailureDetails)
                : throw new InvalidOperationException("Unable to create TaskFailureDetails since TaskFailedException was not received.");
        }
    }
}
