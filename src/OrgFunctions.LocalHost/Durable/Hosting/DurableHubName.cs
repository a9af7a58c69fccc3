using Microsoft.Extensions.Configuration;
using OrgFunctions.LocalHost.Durable.Runtime;
using OrgFunctions.LocalHost.Hosting;

namespace OrgFunctions.LocalHost.Durable.Hosting;

/// <summary>
/// The task hub's name: the Functions host's override setting <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c>
/// if set, else host.json's <c>extensions.durableTask.hubName</c>, else Durable's local default.
/// </summary>
internal static class DurableHubName
{
    public const string SettingKey = "AzureFunctionsJobHost:extensions:durableTask:hubName";

    public static string From(IConfiguration configuration) =>
        configuration[SettingKey] is { Length: > 0 } configured ? configured : FromHostJson() ?? DurableOptions.DefaultHubName;

    private static string? FromHostJson() => HostJson.FindString("extensions", "durableTask", "hubName");
}
