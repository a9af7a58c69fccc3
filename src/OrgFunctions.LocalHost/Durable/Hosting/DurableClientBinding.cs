using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Durable.Runtime;

namespace OrgFunctions.LocalHost.Durable.Hosting;

/// <summary>Binds <c>[DurableClient] DurableTaskClient</c> parameters to the local engine's client.</summary>
internal sealed class DurableClientBinding(LocalDurableTaskClient client) : IInputBinding
{
    public bool CanBind(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<DurableClientAttribute>() is not null
        && parameter.ParameterType.IsAssignableFrom(typeof(LocalDurableTaskClient))
        && parameter.ParameterType != typeof(object);

    public ValueTask<object?> BindAsync(ParameterInfo parameter, FunctionContext context) =>
        ValueTask.FromResult<object?>(client);
}
