namespace OrgFunctions.Health;

/// <summary>The body of GET /api/health.</summary>
public sealed record HealthReport(string Status, string Version, StorageHealth Storage)
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";

    internal bool IsHealthy => Status == Healthy;
}

/// <summary>Each storage service as "up" or "down".</summary>
public sealed record StorageHealth(string Tables, string Blobs, string Queues)
{
    internal static StorageHealth From(StorageReachability reachability) =>
        new(UpOrDown(reachability.Tables), UpOrDown(reachability.Blobs), UpOrDown(reachability.Queues));

    private static string UpOrDown(bool reachable) => reachable ? "up" : "down";
}
