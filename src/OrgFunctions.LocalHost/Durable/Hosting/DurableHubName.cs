using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OrgFunctions.LocalHost.Durable.Runtime;

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

    private static string? FromHostJson()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (!File.Exists(path))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("durableTask", out var durable)
            && durable.TryGetProperty("hubName", out var hub)
            && hub.ValueKind == JsonValueKind.String
                ? hub.GetString()
                : null;
    }
}
