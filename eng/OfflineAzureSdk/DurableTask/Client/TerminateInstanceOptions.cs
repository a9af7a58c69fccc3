namespace Microsoft.DurableTask.Client;

/// <summary>Options for terminating an instance.</summary>
public record TerminateInstanceOptions
{
    public TerminateInstanceOptions(object? output = null, bool recursive = true)
    {
        Output = output;
        Recursive = recursive;
    }

    public object? Output { get; init; }

    public bool Recursive { get; init; }
}
