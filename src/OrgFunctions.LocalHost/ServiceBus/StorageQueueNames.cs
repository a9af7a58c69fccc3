using System.Text.RegularExpressions;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// Maps a Service Bus queue name to the Azurite Storage queue that stands in for it, and to that
/// queue's dead-letter queue. Service Bus names are case-insensitive, so they are lowercased; anything
/// else a Storage queue name can't hold is refused with an explanation rather than silently rewritten,
/// because two Service Bus names must never end up on one Storage queue.
/// </summary>
internal static partial class StorageQueueNames
{
    public const string DeadLetterSuffix = "-deadletter";

    // Storage queue names: 3-63 characters; lowercase letters, digits and single hyphens; no hyphen first or last.
    private const int MaxStorageQueueName = 63;
    private const int MaxServiceBusQueueName = MaxStorageQueueName - 11; // room for "-deadletter"

    public static string ForQueue(string serviceBusQueueName)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceBusQueueName);
        var name = serviceBusQueueName.ToLowerInvariant();
        if (!ValidName().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The Service Bus queue '{serviceBusQueueName}' can't run locally: its stand-in is a Storage queue of the same name, " +
                "and Storage queue names allow only letters, digits and single hyphens, starting and ending with a letter or digit. " +
                "Rename the queue (e.g. 'webhook-deliveries').", nameof(serviceBusQueueName));
        }
        if (name.Length < 3 || name.Length > MaxServiceBusQueueName)
        {
            throw new ArgumentException(
                $"The Service Bus queue '{serviceBusQueueName}' can't run locally: its name must be 3 to {MaxServiceBusQueueName} characters " +
                $"so that it and its dead-letter queue '<name>{DeadLetterSuffix}' are valid Storage queue names.", nameof(serviceBusQueueName));
        }
        return name;
    }

    public static string DeadLetterFor(string serviceBusQueueName) => ForQueue(serviceBusQueueName) + DeadLetterSuffix;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex ValidName();
}
