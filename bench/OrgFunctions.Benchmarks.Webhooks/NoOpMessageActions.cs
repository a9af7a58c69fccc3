using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace OrgFunctions.Benchmarks.Webhooks;

/// <summary>Settlement that does nothing: the delivery benchmark measures the handler, not the queue transport.</summary>
internal sealed class NoOpMessageActions : ServiceBusMessageActions
{
    public int Completed;

    public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Completed);
        return Task.CompletedTask;
    }

    public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, Dictionary<string, object>? propertiesToModify = default,
        string? deadLetterReason = default, string? deadLetterErrorDescription = default, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
