namespace OrgFunctions.Domain.Webhooks;

/// <summary>Where a delivery stands. Succeeded, Failed and Cancelled are final until someone redelivers.</summary>
public enum DeliveryStatus
{
    Pending,
    Retrying,
    Succeeded,
    Failed,
    Cancelled,
}

public static class DeliveryStatusNames
{
    public static string ToName(this DeliveryStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out DeliveryStatus status) =>
        Enum.TryParse(name, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(name, out _);

    public static bool IsFinal(this DeliveryStatus status) => status is DeliveryStatus.Succeeded or DeliveryStatus.Failed or DeliveryStatus.Cancelled;
}
