namespace Microsoft.DurableTask.Client;

/// <summary>How many instances a purge removed.</summary>
public class PurgeResult
{
    public PurgeResult(int count)
    {
        PurgedInstanceCount = count;
    }

    public int PurgedInstanceCount { get; }
}
