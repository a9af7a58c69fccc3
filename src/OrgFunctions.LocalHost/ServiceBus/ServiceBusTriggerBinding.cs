using System.Reflection;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
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
    private readonly IConfiguration _configuration;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _listeners = [];

    public ServiceBusTriggerBinding(LocalServiceBus serviceBus, IFunctionInvoker invoker, ServiceBusClient client,
        IConfiguration configuration, ILoggerFactory loggers)
    {
        _serviceBus = serviceBus;
        _invoker = invoker;
        _client = client;
        _configuration = configuration;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ServiceBusTriggerBinding>();
    }

    public Type TriggerAttributeType => typeof(ServiceBusTriggerAttribute);

    public Task StartAsync(IReadOnlyList<LocalFunction> functions, CancellationToken cancellationToken)
    {
        // Check every function first, so a host with one unsupported trigger fails to start with its reason.
        var triggers = functions.Select(Describe).ToList();
        foreach (var trigger in triggers.OfType<ServiceBusTriggerFunction>())
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
        var queueName = Describe(function)?.QueueName ?? throw new InvalidOperationException(
            $"Function '{function.Name}' is not listening: its queue name setting is missing.");
        await using var sender = _client.CreateSender(queueName);
        await sender.SendMessageAsync(new ServiceBusMessage(input ?? string.Empty), cancellationToken).ConfigureAwait(false);
    }

    /// <returns>Null when the queue name is a <c>%Setting%</c> that isn't set: that function is skipped with a warning.</returns>
    private ServiceBusTriggerFunction? Describe(LocalFunction function)
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
        var queueName = ResolveSetting(trigger.QueueName);
        if (queueName is null)
        {
            // The Functions host refuses to start here; locally one unset setting shouldn't stop every other function.
            _logger.LogWarning("Function {Function} is not run locally: its queue name setting {Setting} is not set.",
                function.Name, trigger.QueueName);
            return null;
        }
        StorageQueueNames.ForQueue(queueName); // Refuses a name that can't be a Storage queue, with the reason.

        var parameterType = function.TriggerParameter.ParameterType;
        return new ServiceBusTriggerFunction(function.Name, queueName, ExplicitAutoComplete(function.TriggerParameter),
            (message, actions, cancellationToken) => _invoker.InvokeAsync(function, new InvocationRequest
            {
                TriggerValue = _ => ServiceBusTriggerValue.Convert(message, parameterType),
                BindingData = ServiceBusTriggerValue.BindingData(message),
                Inputs = [actions],
                CancellationToken = cancellationToken,
            }));
    }

    // As in Functions, "%Name%" is the value of the app setting Name.
    private string? ResolveSetting(string value) =>
        value.Length > 2 && value[0] == '%' && value[^1] == '%' ? _configuration[value[1..^1]] is { Length: > 0 } set ? set : null : value;

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
