using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Tests;

/// <summary>The composition of the features' own registrations: nothing a registered service needs is left out.</summary>
public class OrgFunctionsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task EveryServiceTheAppRegistersCanBeBuiltFromTheSettingsAlone()
    {
        var services = new ServiceCollection().AddOrgFunctions(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["ServiceBusConnection"] = "Endpoint=sb://sb-local.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bm90LWEta2V5",
        }).Build());

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
