using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace OrgFunctions.LocalHost.Tests.Durable.Samples;

/// <summary>A sample orchestrator as an app would write it, unit-tested with a mocked context.</summary>
public static class ShippingOrchestrator
{
    public sealed record Parcel(string Id, int Weight);

    public static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5), 2));

    [Function(nameof(ShipParcel))]
    public static async Task<string> ShipParcel([OrchestrationTrigger] TaskOrchestrationContext context, Parcel parcel)
    {
        var label = await context.CallActivityAsync<string>(nameof(PrintLabel), parcel, Retry);
        try
        {
            await context.CallActivityAsync(nameof(NotifyCarrier), label);
        }
        catch (TaskFailedException)
        {
            context.SetCustomStatus("carrier not notified");
        }
        return label;
    }

    [Function(nameof(PrintLabel))]
    public static string PrintLabel([ActivityTrigger] Parcel parcel) => $"LBL-{parcel.Id}-{parcel.Weight}";

    [Function(nameof(NotifyCarrier))]
    public static void NotifyCarrier([ActivityTrigger] string label)
    {
    }
}
