namespace Microsoft.DurableTask;

/// <summary>What is known about a failed task or orchestration (Microsoft.DurableTask.Abstractions).</summary>
public record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure)
{
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";

    public bool IsCausedBy<T>() where T : Exception => IsCausedBy(typeof(T));

    public bool IsCausedBy(Type targetBaseExceptionType)
    {
        ArgumentNullException.ThrowIfNull(targetBaseExceptionType);
        if (!typeof(Exception).IsAssignableFrom(targetBaseExceptionType))
        {
            throw new ArgumentException($"The type {targetBaseExceptionType} is not an exception type.", nameof(targetBaseExceptionType));
        }
        if (string.IsNullOrEmpty(ErrorType))
        {
            return false;
        }

        var loaded = Type.GetType(ErrorType, throwOnError: false)
            ?? targetBaseExceptionType.Assembly.GetType(ErrorType, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies()
                .Select(assembly => assembly.GetType(ErrorType, throwOnError: false))
                .FirstOrDefault(type => type is not null);
        return loaded is not null && targetBaseExceptionType.IsAssignableFrom(loaded);
    }

    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception.InnerException is null ? null : FromException(exception.InnerException);
        return new TaskFailureDetails(exception.GetType().ToString(), exception.Message, exception.StackTrace, inner);
    }
}
