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

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = Task.Run(() => StartWithRetriesAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

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
                // It takes no cancellation token and retries for a while when Azurite is down: a stopping host leaves it behind.
                await service.CreateIfNotExistsAsync().WaitAsync(stopping);
                _server = BuildServer(service);
                await _server.StartAsync(stopping);
                _logger.LogInformation("Durable task hub {Hub} on Azure Storage, sidecar at {Address}.", settings.HubName, settings.SidecarAddress);
                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
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
        // As Durable Functions sets it: starting an instance id whose status the caller listed as a dedupe status is
        // refused (the client throws OrchestrationAlreadyExistsException), not silently ignored as by default.
        ThrowExceptionOnInvalidDedupeStatus = true,
        // Renewed while the activity runs (SidecarOrchestrationService): short, so a killed host's activity runs again soon.
        WorkItemQueueVisibilityTimeout = settings.ActivityLockTimeout,
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
        builder.Services.AddSingleton<IOrchestrationService>(
            new SidecarOrchestrationService(service, renewActivityLocksEvery: settings.ActivityLockTimeout / 3, _logger));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerAndDispatcher);
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }
}
