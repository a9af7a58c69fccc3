using System.Diagnostics.CodeAnalysis;

namespace Microsoft.DurableTask.Client;

/// <summary>A snapshot of an orchestration instance's state (Microsoft.DurableTask.Client).</summary>
public sealed class OrchestrationMetadata
{
    public OrchestrationMetadata(string name, string instanceId)
    {
        Name = name;
        InstanceId = instanceId;
    }

    public string Name { get; }

    public string InstanceId { get; }

    /// <summary>Present only when inputs and outputs were requested.</summary>
    public DataConverter? DataConverter { get; init; }

    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    public bool IsCompleted =>
        RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public T? ReadInputAs<T>() => Read<T>(SerializedInput, nameof(ReadInputAs));

    public T? ReadOutputAs<T>() => Read<T>(SerializedOutput, nameof(ReadOutputAs));

    public T? ReadCustomStatusAs<T>() => Read<T>(SerializedCustomStatus, nameof(ReadCustomStatusAs));

    public override string ToString() =>
        $"[Name: '{Name}', ID: '{InstanceId}', RuntimeStatus: {RuntimeStatus}, CreatedAt: {CreatedAt:s}, LastUpdatedAt: {LastUpdatedAt:s}]";

    [MemberNotNull(nameof(DataConverter))]
    private void EnsureInputsAndOutputs(string method)
    {
        if (DataConverter is null)
        {
            throw new InvalidOperationException(
                $"The {method} method can only be used on {nameof(OrchestrationMetadata)} objects that are fetched with the option to include input and output data.");
        }
    }

    private T? Read<T>(string? data, string method)
    {
        EnsureInputsAndOutputs(method);
        return DataConverter.Deserialize<T>(data);
    }
}
