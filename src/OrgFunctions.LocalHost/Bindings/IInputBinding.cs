using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace OrgFunctions.LocalHost.Bindings;

/// <summary>
/// Supplies a non-trigger parameter, e.g. <c>[DurableClient] DurableTaskClient client</c>. Register with
/// <see cref="BindingServiceCollectionExtensions.AddInputBinding{TBinding}"/>. Asked for every parameter that
/// is neither the trigger, <see cref="FunctionContext"/> nor <see cref="CancellationToken"/>.
/// </summary>
public interface IInputBinding
{
    bool CanBind(ParameterInfo parameter);

    /// <summary>The value for <paramref name="parameter"/>; services of the invocation are in <c>context.InstanceServices</c>.</summary>
    ValueTask<object?> BindAsync(ParameterInfo parameter, FunctionContext context);
}
