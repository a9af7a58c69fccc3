using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using OrgFunctions.LocalHost.Durable.Functions;
using OrgFunctions.LocalHost.Durable.Runtime;
using OrgFunctions.LocalHost.Durable.Store;

namespace OrgFunctions.LocalHost.Tests.Durable.Engine;

/// <summary>An engine over a store, with its client; tests register orchestrators and activities, then start it.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private DurableEngine? _engine;

    public EngineHarness(IDurableStore? store = null, string hubName = "TestHub")
    {
        Store = store ?? new InMemoryDurableStore();
        Options = new DurableOptions { HubName = hubName };
    }

    public IDurableStore Store { get; }

    public DurableOptions Options { get; }

    public DurableFunctionRegistry Functions { get; } = new();

    public DurableEngine Engine => _engine ?? throw new InvalidOperationException("Start the harness first.");

    public DurableTaskClient Client { get; private set; } = null!;

    public async Task<EngineHarness> StartAsync()
    {
        _engine = new DurableEngine(Store, Functions, Options, TimeProvider.System, NullLogger.Instance);
        Client = new LocalDurableTaskClient(_engine);
        await _engine.StartAsync(CancellationToken.None);
        return this;
    }

    /// <summary>Stops the engine as a crash would: nothing is flushed or finished.</summary>
    public async Task StopAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
            _engine = null;
        }
    }

    public async Task<OrchestrationMetadata> RunAsync(string orchestrator, object? input = null, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new Microsoft.DurableTask.StartOrchestrationOptions(instanceId));
        return await CompletionOf(id);
    }

    public async Task<OrchestrationMetadata> CompletionOf(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Polls until the instance's custom status equals <paramref name="expected"/>.</summary>
    public async Task WaitForCustomStatusAsync(string instanceId, string expected)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            if (metadata?.SerializedCustomStatus is not null && metadata.ReadCustomStatusAs<string>() == expected)
            {
                return;
            }
            await Task.Delay(20, timeout.Token);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
