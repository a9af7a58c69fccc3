using System.Globalization;
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
    /// How long a dequeued work item stays invisible: after a crash, an activity that was running runs again once this
    /// has passed (5 minutes in Azure). No lock renewal reaches the provider through the sidecar, so an activity must also
    /// finish within it.
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The same for orchestration (control queue) messages.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>h2c on 127.0.0.1, a port free when the host was built.</summary>
    public required Uri SidecarAddress { get; init; }

    /// <summary>
    /// host.json's <c>extensions.durableTask</c> (hub name, <c>storageProvider</c> timings), each overridden by the
    /// Functions host's setting of the same path (<c>AzureFunctionsJobHost__extensions__durableTask__...</c>).
    /// </summary>
    public static DurableTaskHubSettings From(IConfiguration configuration)
    {
        string? Read(params string[] path) =>
            configuration[string.Join(':', ["AzureFunctionsJobHost", "extensions", "durableTask", .. path])] is { Length: > 0 } configured
                ? configured
                : HostJson.FindString(["extensions", "durableTask", .. path]);
        TimeSpan Duration(TimeSpan fallback, params string[] path) =>
            TimeSpan.TryParse(Read(path), CultureInfo.InvariantCulture, out var value) ? value : fallback;

        return new DurableTaskHubSettings
        {
            HubName = Read("hubName") ?? DefaultHubName,
            StorageConnectionString = configuration[StorageSetting],
            MaxQueuePollingInterval = Duration(TimeSpan.FromSeconds(1), "storageProvider", "maxQueuePollingInterval"),
            WorkItemQueueVisibilityTimeout = Duration(TimeSpan.FromMinutes(1), "storageProvider", "workItemQueueVisibilityTimeout"),
            ControlQueueVisibilityTimeout = Duration(TimeSpan.FromMinutes(1), "storageProvider", "controlQueueVisibilityTimeout"),
            SidecarAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}"),
        };
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
