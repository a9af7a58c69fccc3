using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// Reads <see cref="LocalServiceBusOptions"/>: defaults, then host.json's <c>extensions.serviceBus</c>
/// (autoCompleteMessages, maxConcurrentCalls, maxAutoLockRenewalDuration), then the
/// <c>LocalHost:ServiceBus</c> section (environment, command line: e.g. <c>--LocalHost:ServiceBus:LockDuration=00:00:05</c>).
/// </summary>
internal static class LocalServiceBusSettings
{
    public static LocalServiceBusOptions Read(IConfiguration configuration, string? hostJsonPath = null)
    {
        var options = new LocalServiceBusOptions();
        ApplyHostJson(options, hostJsonPath ?? Path.Combine(AppContext.BaseDirectory, "host.json"));
        configuration.GetSection(LocalServiceBusOptions.SectionName).Bind(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = configuration["AzureWebJobsStorage"];
        }
        options.Validate();
        return options;
    }

    private static void ApplyHostJson(LocalServiceBusOptions options, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        if (!document.RootElement.TryGetProperty("extensions", out var extensions) ||
            !TryGetIgnoringCase(extensions, "serviceBus", out var serviceBus))
        {
            return;
        }
        if (TryGetIgnoringCase(serviceBus, "autoCompleteMessages", out var autoComplete) && autoComplete.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            options.AutoCompleteMessages = autoComplete.GetBoolean();
        }
        if (TryGetIgnoringCase(serviceBus, "maxConcurrentCalls", out var concurrent) && concurrent.TryGetInt32(out var calls))
        {
            options.MaxConcurrentCalls = calls;
        }
        if (TryGetIgnoringCase(serviceBus, "maxAutoLockRenewalDuration", out var renewal) &&
            TimeSpan.TryParse(renewal.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var duration))
        {
            options.MaxAutoLockRenewalDuration = duration;
        }
    }

    private static bool TryGetIgnoringCase(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }
        value = default;
        return false;
    }
}
