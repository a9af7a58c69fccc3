using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using OrgFunctions.LocalHost.Durable.History;
using OrgFunctions.LocalHost.Durable.Store;

namespace OrgFunctions.LocalHost.Durable.Runtime;

/// <summary>The <see cref="DurableTaskClient"/> bound to <c>[DurableClient]</c> parameters by the local host.</summary>
internal sealed class LocalDurableTaskClient : FunctionsDurableTaskClient
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly DurableEngine _engine;
    private readonly DataConverter _converter = JsonDataConverter.Default;

    public LocalDurableTaskClient(DurableEngine engine, string? httpBaseUrl = null)
        : base(engine.Options.HubName)
    {
        _engine = engine;
        HttpBaseUrl = httpBaseUrl;
    }

    public override string? QueryString => $"taskHub={Uri.EscapeDataString(_engine.Options.HubName)}&connection=Storage";

    public override string? HttpBaseUrl { get; }

    private IDurableStore Store => _engine.Store;

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        if (string.IsNullOrEmpty(orchestratorName.Name))
        {
            throw new ArgumentNullException(nameof(orchestratorName));
        }
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var now = _engine.UtcNow;
        var record = new InstanceRecord
        {
            InstanceId = instanceId,
            Name = orchestratorName.Name,
            ExecutionId = Guid.NewGuid().ToString("N"),
            Status = OrchestrationRuntimeStatus.Pending,
            Input = _converter.Serialize(input),
            CreatedAt = now,
            LastUpdatedAt = now,
            StartAt = options?.StartAt,
        };

        if (!await Store.TryCreateInstanceAsync(record, cancellation))
        {
            // An ended instance's id may be reused (its history goes); a live one's may not, as in Durable.
            var existing = await Store.ReadInstanceAsync(instanceId, cancellation);
            if (existing is null || existing.IsLive)
            {
                throw AlreadyExists(instanceId, existing?.Status);
            }
            await Store.ClearLogAsync(instanceId, cancellation);
            if (!await Store.TryReplaceInstanceAsync(record, existing.ETag!, cancellation))
            {
                throw AlreadyExists(instanceId, null);
            }
        }
        _engine.NotifyChanged(instanceId);
        _engine.Poke(instanceId);
        return instanceId;
    }

    public override async Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        await SendAsync(instanceId, new HistoryEvent(HistoryEventType.EventRaised)
        {
            Name = eventName,
            Data = _converter.Serialize(eventPayload),
        }, cancellation);
    }

    public override Task TerminateInstanceAsync(
        string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return SendAsync(instanceId, new HistoryEvent(HistoryEventType.ExecutionTerminated)
        {
            Data = _converter.Serialize(options?.Output),
        }, cancellation);
    }

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var record = await Store.ReadInstanceAsync(instanceId, cancellation);
        return record is null ? null : ToMetadata(record, getInputsAndOutputs);
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitUntilAsync(instanceId, getInputsAndOutputs, record => record.Status != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitUntilAsync(instanceId, getInputsAndOutputs, record => !record.IsLive, cancellation);

    public override async Task<PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var record = await Store.ReadInstanceAsync(instanceId, cancellation);
        if (record is null || record.IsLive)
        {
            return new PurgeResult(0);
        }
        await Store.ClearLogAsync(instanceId, cancellation);
        await Store.DeleteInstanceAsync(instanceId, cancellation);
        return new PurgeResult(1);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static OrchestrationMetadata ToMetadata(InstanceRecord record, bool getInputsAndOutputs) =>
        new(record.Name, record.InstanceId)
        {
            RuntimeStatus = record.Status,
            CreatedAt = record.CreatedAt,
            LastUpdatedAt = record.LastUpdatedAt,
            DataConverter = getInputsAndOutputs ? JsonDataConverter.Default : null,
            SerializedInput = getInputsAndOutputs ? record.Input : null,
            SerializedOutput = getInputsAndOutputs ? record.Output : null,
            SerializedCustomStatus = getInputsAndOutputs ? record.CustomStatus : null,
            FailureDetails = getInputsAndOutputs ? record.Failure : null,
        };

    // Events and terminations for ended or unknown instances are dropped silently, as the real client documents.
    private async Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellation)
    {
        var record = await Store.ReadInstanceAsync(instanceId, cancellation);
        if (record is null || !record.IsLive)
        {
            return;
        }
        var now = _engine.UtcNow;
        await Store.PutMessageAsync(instanceId,
            new InboxMessage(InboxMessage.NewKey(now), record.ExecutionId, message with { Timestamp = now }, now), cancellation);
        _engine.Poke(instanceId);
    }

    private async Task<OrchestrationMetadata> WaitUntilAsync(
        string instanceId, bool getInputsAndOutputs, Func<InstanceRecord, bool> reached, CancellationToken cancellation)
    {
        var changed = new SemaphoreSlim(0);
        void OnChanged(string id)
        {
            if (id == instanceId)
            {
                changed.Release();
            }
        }

        _engine.InstanceChanged += OnChanged;
        try
        {
            while (true)
            {
                var record = await Store.ReadInstanceAsync(instanceId, cancellation);
                if (record is null)
                {
                    // The real client's documented answer for an unknown instance.
                    return null!;
                }
                if (reached(record))
                {
                    return ToMetadata(record, getInputsAndOutputs);
                }
                await changed.WaitAsync(PollInterval, cancellation);
            }
        }
        finally
        {
            _engine.InstanceChanged -= OnChanged;
        }
    }

    private static InvalidOperationException AlreadyExists(string instanceId, OrchestrationRuntimeStatus? status) =>
        new($"An orchestration with instance ID '{instanceId}' already exists" +
            (status is null ? "." : $" and is {status}.") + " Wait for it to end, or terminate it, before reusing the ID.");
}
