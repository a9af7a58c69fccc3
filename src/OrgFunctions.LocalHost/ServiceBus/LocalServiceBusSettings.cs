using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OrgFunctions.LocalHost.Hosting;

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
        ApplyHostJson(options, hostJsonPath);
        configuration.GetSection(LocalServiceBusOptions.SectionName).Bind(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = configuration["AzureWebJobsStorage"];
        }
        options.Validate();
        return options;
    }

    private static void ApplyHostJson(LocalServiceBusOptions options, string? path)
    {
        if (HostJson.Find(path, "extensions", "serviceBus") is not { } serviceBus)
        {
            return;
        }
        if (HostJson.TryGetProperty(serviceBus, "autoCompleteMessages", out var autoComplete) && autoComplete.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            options.AutoCompleteMessages = autoComplete.GetBoolean();
        }
        if (HostJson.TryGetProperty(serviceBus, "maxConcurrentCalls", out var concurrent) && concurrent.TryGetInt32(out var calls))
        {
            options.MaxConcurrentCalls = calls;
        }
        if (HostJson.TryGetProperty(serviceBus, "maxAutoLockRenewalDuration", out var renewal) &&
            TimeSpan.TryParse(renewal.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var duration))
        {
            options.MaxAutoLockRenewalDuration = duration;
        }
    }
}
