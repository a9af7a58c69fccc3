using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using OrgFunctions.LocalHost.Hosting;

namespace OrgFunctions.LocalHost.Durable;

/// <summary>
/// Where and how the local task hub runs: its name (the Functions host's override setting
/// <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c>, else host.json's <c>extensions.durableTask.hubName</c>),
/// the storage account (<c>AzureWebJobsStorage</c>, as Durable Functions uses it), how often idle queues are polled,
/// and the loopback address of the in-process gRPC sidecar.
/// </summary>
internal sealed record DurableTaskHubSettings
{
    public const string HubNameSetting = "AzureFunctionsJobHost:extensions:durableTask:hubName";
    public const string PollingSetting = "AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval";
    public const string StorageSetting = "AzureWebJobsStorage";
    public const string DefaultHubName = "TestHubName";

    /// <summary>
    /// One worker id for every run of the local host: a restarted process owns the task hub's one partition lease at
    /// once instead of waiting for the dead one's lease to expire.
    /// </summary>
    public const string WorkerId = "orgfunctions-localhost";

    public required string HubName { get; init; }

    public required string? StorageConnectionString { get; init; }

    /// <summary>The provider backs off to this between empty polls (30 s in Azure); kept short so local runs react at once.</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a running activity's work-item message stays hidden between renewals (Durable Functions: 5 minutes, the
    /// provider's default). A host killed mid-activity leaves the message hidden this long before it runs again.
    /// </summary>
    public TimeSpan ActivityLockTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>h2c on 127.0.0.1, a port free when the host was built.</summary>
    public required Uri SidecarAddress { get; init; }

    public static DurableTaskHubSettings From(IConfiguration configuration) => new()
    {
        HubName = configuration[HubNameSetting] is { Length: > 0 } configured
            ? configured
            : HostJson.FindString("extensions", "durableTask", "hubName") ?? DefaultHubName,
        StorageConnectionString = configuration[StorageSetting],
        MaxQueuePollingInterval = TimeSpan.TryParse(configuration[PollingSetting]
            ?? HostJson.FindString("extensions", "durableTask", "storageProvider", "maxQueuePollingInterval"), out var polling)
            ? polling
            : TimeSpan.FromSeconds(1),
        SidecarAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}"),
    };

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
