using System.Reflection;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Configuration;
using OrgFunctions.FileDrops;
using OrgFunctions.Provisioning;
using OrgFunctions.Secrets;
using OrgFunctions.Testing;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Configuration;

/// <summary>local.settings.sample.json names every setting the app's options read, with its default value.</summary>
public class LocalSettingsSampleTests
{
    public static readonly TheoryData<Type, string> Options = new()
    {
        { typeof(ProvisioningOptions), ProvisioningOptions.Section },
        { typeof(WebhookOptions), WebhookOptions.Section },
        { typeof(FileDropOptions), FileDropOptions.Section },
        { typeof(SecretProtectionOptions), SecretProtectionOptions.Section },
        { typeof(global::OrgFunctions.Email.EmailOptions), global::OrgFunctions.Email.EmailOptions.Section },
        { typeof(global::OrgFunctions.Users.UsersOptions), global::OrgFunctions.Users.UsersOptions.Section },
        { typeof(global::OrgFunctions.ActivityFeed.ActivityOptions), global::OrgFunctions.ActivityFeed.ActivityOptions.Section },
        { typeof(global::OrgFunctions.PaymentGateways.PaymentVaultOptions), global::OrgFunctions.PaymentGateways.PaymentVaultOptions.Section },
        { typeof(global::OrgFunctions.Access.AccessOptions), global::OrgFunctions.Access.AccessOptions.Section },
    };

    private static Dictionary<string, string?> SampleValues()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void EveryOptionIsInTheSampleWithItsDefault(Type optionsType, string section)
    {
        var values = SampleValues();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();
        var bound = Activator.CreateInstance(optionsType)!;
        configuration.GetSection(section).Bind(bound);
        var defaults = Activator.CreateInstance(optionsType)!;

        foreach (var property in optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{section}__{property.Name}";
            Assert.True(values.ContainsKey(key), $"{key} is missing from local.settings.sample.json");
            if (property.Name is not (nameof(WebhookOptions.AllowHttp) or nameof(WebhookOptions.AllowLoopback) or nameof(WebhookOptions.RetrySchedule)))
            {
                Assert.True(Equals(property.GetValue(defaults), property.GetValue(bound)), $"{key} in the sample is not the default");
            }
        }
    }

    [Fact]
    public void TheSampleRetryScheduleIsTheDefault() =>
        Assert.Equal(Domain.Webhooks.RetrySchedule.Default.Delays,
            Domain.Webhooks.RetrySchedule.Parse(SampleValues()["Webhooks__RetrySchedule"]!).Delays);

    [Fact]
    public async Task TheSampleConnectionsAreAzuriteConnectionStrings()
    {
        var values = SampleValues();
        Assert.Equal("UseDevelopmentStorage=true", values[StorageConnectionOptions.Setting]);
        // Read by the Service Bus trigger's host; the local host plays Service Bus on Azurite whatever its value.
        Assert.False(string.IsNullOrWhiteSpace(values[ServiceBusClientServiceCollectionExtensions.Setting]));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        await using var provider = new ServiceCollection().AddStorageClients(configuration).BuildServiceProvider();

        Assert.Equal("devstoreaccount1", provider.GetRequiredService<TableServiceClient>().AccountName);
    }
}
