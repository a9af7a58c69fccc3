using Grpc.Net.Client;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Invocation;

namespace OrgFunctions.LocalHost.Durable;

/// <summary>
/// The local Durable Task setup: the Azure Storage sidecar, the real Durable Task worker running the app's
/// orchestrator and activity functions, and the real gRPC <see cref="DurableTaskClient"/> for <c>[DurableClient]</c>.
/// An app without orchestrators or activities gets no sidecar and never touches the task hub's storage.
/// </summary>
internal static class DurableServiceCollectionExtensions
{
    public static IServiceCollection AddLocalDurableTask(this IServiceCollection services, FunctionCatalog catalog)
    {
        services.AddTriggerBinding<OrchestrationTriggerBinding>();
        services.AddTriggerBinding<ActivityTriggerBinding>();
        services.AddInputBinding<DurableClientBinding>();

        services.TryAddSingleton(sp => DurableTaskHubSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(sp => GrpcChannel.ForAddress(sp.GetRequiredService<DurableTaskHubSettings>().SidecarAddress));
        services.AddDurableTaskClient(client => client.UseGrpc(_ => { }).RegisterDirectly());
        services.AddOptions<Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClientOptions>(Options.DefaultName)
            .Configure<GrpcChannel>((options, channel) =>
            {
                options.Channel = channel;
                options.Interceptors.Add(new WaitForSidecarInterceptor());
            });

        var orchestrators = catalog.WithTrigger(typeof(OrchestrationTriggerAttribute));
        var activities = catalog.WithTrigger(typeof(ActivityTriggerAttribute));
        if (orchestrators.Count == 0 && activities.Count == 0)
        {
            return services;
        }
        // Registered before the worker: hosted services start in order, and stop in reverse.
        services.AddSingleton<AzureStorageSidecar>();
        services.AddHostedService(sp => sp.GetRequiredService<AzureStorageSidecar>());
        services.AddDurableTaskWorker(worker => worker.UseGrpc(_ => { }));
        services.AddOptions<Microsoft.DurableTask.Worker.Grpc.GrpcDurableTaskWorkerOptions>(Options.DefaultName)
            .Configure<GrpcChannel>((options, channel) => options.Channel = channel);
        services.AddOptions<DurableTaskRegistry>(Options.DefaultName).Configure<IFunctionInvoker>((registry, invoker) =>
        {
            foreach (var function in orchestrators)
            {
                var name = ((OrchestrationTriggerAttribute)function.Trigger).Orchestration ?? function.Name;
                registry.AddOrchestrator(name, () => new FunctionOrchestrator(function, invoker));
            }
            foreach (var function in activities)
            {
                var name = ((ActivityTriggerAttribute)function.Trigger).Activity ?? function.Name;
                registry.AddActivity(name, new FunctionActivity(function, invoker));
            }
        });
        return services;
    }
}
