using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// One function with a Service Bus trigger, as the receiver sees it: the queue, the auto-complete choice
/// (null: the host-wide default), and how to invoke it with a received message and its settlement actions.
/// </summary>
internal sealed record ServiceBusTriggerFunction(
    string FunctionName,
    string QueueName,
    bool? AutoCompleteMessages,
    Func<ServiceBusReceivedMessage, ServiceBusMessageActions, CancellationToken, Task> InvokeAsync);
