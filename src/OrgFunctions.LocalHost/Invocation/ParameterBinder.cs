using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Discovery;

namespace OrgFunctions.LocalHost.Invocation;

/// <summary>
/// Binds a function's parameters, in this order: the trigger parameter, <see cref="FunctionContext"/>,
/// <see cref="CancellationToken"/>, registered <see cref="IInputBinding"/>s, the invocation's inputs by type,
/// binding data by parameter name (HTTP route values, query values), then the parameter's default value.
/// </summary>
internal sealed class ParameterBinder(IEnumerable<IInputBinding> inputBindings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<object?[]> BindAsync(LocalFunction function, InvocationRequest invocation, FunctionContext context)
    {
        var parameters = function.Method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = await BindAsync(function, parameters[i], invocation, context);
        }
        return arguments;
    }

    private async ValueTask<object?> BindAsync(LocalFunction function, ParameterInfo parameter, InvocationRequest invocation,
        FunctionContext context)
    {
        var type = parameter.ParameterType;
        if (parameter.Position == function.TriggerParameter.Position)
        {
            return ConvertTrigger(invocation.TriggerValue(context), type, function);
        }
        if (type == typeof(FunctionContext))
        {
            return context;
        }
        if (type == typeof(CancellationToken))
        {
            return invocation.CancellationToken;
        }
        foreach (var binding in inputBindings)
        {
            if (binding.CanBind(parameter))
            {
                return await binding.BindAsync(parameter, context);
            }
        }
        var input = invocation.Inputs.FirstOrDefault(type.IsInstanceOfType);
        if (input is not null)
        {
            return input;
        }
        if (parameter.Name is { } name && TryGetBindingData(invocation.BindingData, name, out var value))
        {
            return ConvertValue(value, type, function, name);
        }
        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }
        throw new InvalidOperationException(
            $"Function '{function.Name}': nothing binds parameter '{parameter.Name}' of type {type.Name}.");
    }

    private static bool TryGetBindingData(IReadOnlyDictionary<string, object?> data, string name, out object? value)
    {
        if (data.TryGetValue(name, out value))
        {
            return true;
        }
        foreach (var pair in data)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = pair.Value;
                return true;
            }
        }
        return false;
    }

    // A trigger that delivers a string or bytes (a queue message, an activity input) binds to a POCO as JSON, as in the worker.
    private static object? ConvertTrigger(object? value, Type type, LocalFunction function)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }
        try
        {
            return value switch
            {
                string text when type != typeof(string) && !IsSimple(type) => JsonSerializer.Deserialize(text, type, Json),
                BinaryData data => JsonSerializer.Deserialize(data.ToString(), type, Json),
                _ => ConvertValue(value, type, function, function.TriggerParameter.Name ?? "trigger"),
            };
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Function '{function.Name}': the trigger value is not valid JSON for {type.Name}.", ex);
        }
    }

    private static object? ConvertValue(object? value, Type type, LocalFunction function, string name)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var converter = TypeDescriptor.GetConverter(target);
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (text is not null && converter.CanConvertFrom(typeof(string)))
        {
            try
            {
                return converter.ConvertFromInvariantString(text);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException)
            {
                throw new InvalidOperationException($"Function '{function.Name}': '{name}' cannot be converted to {target.Name}.", ex);
            }
        }
        throw new InvalidOperationException($"Function '{function.Name}': '{name}' cannot be converted to {target.Name}.");
    }

    private static bool IsSimple(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsPrimitive || target.IsEnum || target == typeof(decimal) || target == typeof(Guid)
            || target == typeof(DateTime) || target == typeof(DateTimeOffset) || target == typeof(TimeSpan);
    }
}
