using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Durable.Runtime;

namespace OrgFunctions.LocalHost.Durable.Hosting;

/// <summary>Binds <c>[DurableClient] DurableTaskClient</c> parameters to the local engine's client.</summary>
internal sealed class DurableClientBinding(IServiceProvider services) : IInputBinding
{
    public bool CanBind(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<DurableClientAttribute>() is not null
        && parameter.ParameterType != typeof(object)
        && parameter.ParameterType.IsAssignableFrom(typeof(LocalDurableTaskClient));

    // Resolved per binding, not at construction: the host's binder is built before storage settings are checked.
    public ValueTask<object?> BindAsync(ParameterInfo parameter, FunctionContext context) =>
        ValueTask.FromResult<object?>(services.GetRequiredService<LocalDurableTaskClient>());
}
