using System.Reflection;

namespace OrgFunctions.Health;

/// <summary>Builds the health report: the app's version and whether its storage answers.</summary>
public sealed class HealthService(IStorageProbe probe)
{
    public static string Version { get; } =
        typeof(HealthService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthService).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var reachability = await probe.ProbeAsync(cancellationToken);
        return new HealthReport(reachability.All ? HealthReport.Healthy : HealthReport.Degraded, Version,
            StorageHealth.From(reachability));
    }
}
