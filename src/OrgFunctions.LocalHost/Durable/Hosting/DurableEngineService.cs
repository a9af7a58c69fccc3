using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrgFunctions.LocalHost.Durable.Functions;
using OrgFunctions.LocalHost.Durable.Runtime;

namespace OrgFunctions.LocalHost.Durable.Hosting;

/// <summary>
/// Starts the engine after the trigger bindings registered the orchestrators and activities (hosted services start
/// in registration order, and this one is registered after the host's trigger listeners), and stops it first.
/// Storage that isn't up yet doesn't stop the host: the engine keeps trying to start in the background.
/// An app without orchestrators or activities never touches the durable tables.
/// </summary>
internal sealed class DurableEngineService(DurableFunctionRegistry registry, IServiceProvider services, ILogger<DurableEngineService> logger)
    : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private DurableEngine? _engine;
    private Task _starting = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (registry.OrchestratorNames.Count == 0 && registry.ActivityNames.Count == 0)
        {
            return Task.CompletedTask;
        }
        // Resolved in the background: a bad storage setting is reported by the app's own validation first.
        _starting = Task.Run(() => StartWithRetriesAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        await _starting.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    private async Task StartWithRetriesAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                _engine ??= services.GetRequiredService<DurableEngine>();
                await _engine.StartAsync(stopping);
                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning("The durable engine could not start ({Error}); retrying in {Delay}.", ex.Message, RetryDelay);
                await Task.Delay(RetryDelay, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
