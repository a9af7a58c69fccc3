using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.LocalHost.Bindings;

namespace OrgFunctions.LocalHost.Durable;

/// <summary>Binds <c>[DurableClient] DurableTaskClient</c> parameters to the real gRPC client of the local task hub.</summary>
internal sealed class DurableClientBinding(IServiceProvider services) : IInputBinding
{
    public bool CanBind(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<DurableClientAttribute>() is not null && parameter.ParameterType == typeof(DurableTaskClient);

    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(30);

    /// <summary>A request that needs the client waits (a bounded time) for the task hub to be ready.</summary>
    public async ValueTask<object?> BindAsync(ParameterInfo parameter, FunctionContext context)
    {
        if (services.GetService<AzureStorageSidecar>() is { } sidecar)
        {
            await sidecar.Ready.WaitAsync(ReadyBound, context.CancellationToken);
        }
        return services.GetRequiredService<DurableTaskClient>();
    }
}
