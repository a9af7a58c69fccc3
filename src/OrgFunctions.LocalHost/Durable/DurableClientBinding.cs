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

    public ValueTask<object?> BindAsync(ParameterInfo parameter, FunctionContext context) =>
        ValueTask.FromResult<object?>(services.GetRequiredService<DurableTaskClient>());
}
