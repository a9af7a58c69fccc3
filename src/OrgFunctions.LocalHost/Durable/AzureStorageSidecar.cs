using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.LocalHost.Durable;

/// <summary>
/// The Durable Task engine the Functions host would run, in process: <see cref="TaskHubGrpcServer"/> (the sidecar of
/// Microsoft.DurableTask.InProcessTestHost) over <see cref="AzureStorageOrchestrationService"/> on Azurite, the storage
/// provider Durable Functions uses by default. The app's orchestrators and activities and its
/// <c>DurableTaskClient</c> reach it over gRPC, as the isolated worker reaches the Functions host.
/// Storage that isn't up yet doesn't stop the host: the sidecar keeps trying in the background.
/// </summary>
internal sealed class AzureStorageSidecar(DurableTaskHubSettings settings, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly ILogger _logger = loggers.CreateLogger("OrgFunctions.LocalHost.Durable");
    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;
    private WebApplication? _server;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the task hub exists and the sidecar listens; clients wait for it (<see cref="DurableClientBinding"/>).</summary>
    public Task Ready => _ready.Task;

    /// <summary>
    /// Waits for the first attempt, so that the worker, started next, connects at once in the common case; if storage
    /// isn't up, the host starts anyway and the sidecar keeps trying.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = Task.Run(() => StartWithRetriesAsync(_stopping.Token), CancellationToken.None);
        await Task.WhenAny(_ready.Task, _firstAttempt.Task).WaitAsync(cancellationToken);
    }

    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private async Task StartWithRetriesAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var service = new AzureStorageOrchestrationService(ServiceSettings());
                await service.CreateIfNotExistsAsync();
                _server = BuildServer(service);
                await _server.StartAsync(stopping);
                _logger.LogInformation("Durable task hub {Hub} on Azure Storage, sidecar at {Address}.", settings.HubName, settings.SidecarAddress);
                _ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                _firstAttempt.TrySetResult();
                _logger.LogWarning("The durable task hub could not start ({Error}); retrying in {Delay}.", ex.Message, RetryDelay);
                if (_server is not null)
                {
                    await _server.DisposeAsync();
                    _server = null;
                }
                await Task.Delay(RetryDelay, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private AzureStorageOrchestrationServiceSettings ServiceSettings() => new()
    {
        TaskHubName = settings.HubName,
        StorageAccountClientProvider = new StorageAccountClientProvider(settings.StorageConnectionString
            ?? throw new InvalidOperationException($"Durable orchestrations need the {DurableTaskHubSettings.StorageSetting} setting.")),
        // One process owns the hub: one partition, no app lease, a fixed worker id (see DurableTaskHubSettings.WorkerId).
        PartitionCount = 1,
        UseAppLease = false,
        WorkerId = DurableTaskHubSettings.WorkerId,
        MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
        WorkItemQueueVisibilityTimeout = settings.WorkItemQueueVisibilityTimeout,
        ControlQueueVisibilityTimeout = settings.ControlQueueVisibilityTimeout,
        LoggerFactory = loggers,
    };

    private WebApplication BuildServer(AzureStorageOrchestrationService service)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        // gRPC without TLS needs an HTTP/2-only endpoint (h2c).
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.SidecarAddress.Port,
            listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(LocalOrchestrationService.Over(service));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerAndDispatcher);
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }
}
