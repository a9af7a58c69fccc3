using System.Reflection;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Invocation;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// Runs <c>[ServiceBusTrigger]</c> functions: one receiver per function on the Storage queue standing in
/// for its Service Bus queue. Passes the message (converted to the parameter's type) and a
/// <see cref="ServiceBusMessageActions"/> for settling it.
/// </summary>
internal sealed class ServiceBusTriggerBinding : ITriggerBinding
{
    private readonly LocalServiceBus _serviceBus;
    private readonly IFunctionInvoker _invoker;
    private readonly ServiceBusClient _client;
    private readonly ILoggerFactory _loggers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _listeners = [];

    public ServiceBusTriggerBinding(LocalServiceBus serviceBus, IFunctionInvoker invoker, ServiceBusClient client, ILoggerFactory loggers)
    {
        _serviceBus = serviceBus;
        _invoker = invoker;
        _client = client;
        _loggers = loggers;
    }

    public Type TriggerAttributeType => typeof(ServiceBusTriggerAttribute);

    public Task StartAsync(IReadOnlyList<LocalFunction> functions, CancellationToken cancellationToken)
    {
        // Check every function first, so a host with one unsupported trigger fails to start with its reason.
        var triggers = functions.Select(Describe).ToList();
        foreach (var trigger in triggers)
        {
            var listener = _serviceBus.CreateListener(trigger, _loggers.CreateLogger("Function." + trigger.FunctionName));
            _listeners.Add(Task.Run(() => listener.RunAsync(_stopping.Token), CancellationToken.None));
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_listeners).WaitAsync(cancellationToken).ConfigureAwait(false);
        _listeners.Clear();
    }

    /// <summary>On demand (admin endpoint): sends <paramref name="input"/> as a message to the function's queue.</summary>
    public async Task InvokeOnDemandAsync(LocalFunction function, string? input, CancellationToken cancellationToken)
    {
        var queueName = Describe(function).QueueName;
        await using var sender = _client.CreateSender(queueName);
        await sender.SendMessageAsync(new ServiceBusMessage(input ?? string.Empty), cancellationToken).ConfigureAwait(false);
    }

    private ServiceBusTriggerFunction Describe(LocalFunction function)
    {
        var trigger = (ServiceBusTriggerAttribute)function.Trigger;
        if (trigger.QueueName is null)
        {
            throw Unsupported(function, $"it listens to topic '{trigger.TopicName}', subscription '{trigger.SubscriptionName}'; " +
                "locally only queues are supported (a Storage queue has no fan-out to subscriptions)");
        }
        if (trigger.IsSessionsEnabled)
        {
            throw Unsupported(function, "IsSessionsEnabled is set; sessions (ordered, locked groups of messages) are not supported locally");
        }
        if (trigger.IsBatched)
        {
            throw Unsupported(function, "IsBatched is set; batches are not supported locally: take one message per invocation");
        }
        StorageQueueNames.ForQueue(trigger.QueueName); // Refuses a name that can't be a Storage queue, with the reason.

        var parameterType = function.TriggerParameter.ParameterType;
        return new ServiceBusTriggerFunction(function.Name, trigger.QueueName, ExplicitAutoComplete(function.TriggerParameter),
            (message, actions, cancellationToken) => _invoker.InvokeAsync(function, new FunctionInvocation
            {
                TriggerValue = _ => ServiceBusTriggerValue.Convert(message, parameterType),
                BindingData = ServiceBusTriggerValue.BindingData(message),
                Inputs = [actions],
                CancellationToken = cancellationToken,
            }));
    }

    // AutoCompleteMessages counts only when written on the attribute; otherwise host.json decides.
    private static bool? ExplicitAutoComplete(ParameterInfo parameter)
    {
        var data = parameter.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(ServiceBusTriggerAttribute));
        var named = data?.NamedArguments.FirstOrDefault(a => a.MemberName == nameof(ServiceBusTriggerAttribute.AutoCompleteMessages));
        return named is { MemberInfo: not null, TypedValue.Value: bool value } ? value : null;
    }

    private static NotSupportedException Unsupported(LocalFunction function, string why) =>
        new($"Function '{function.Name}' can't run on the local Service Bus stand-in: {why}. See src/OrgFunctions.LocalHost/ServiceBus/README.md.");
}
