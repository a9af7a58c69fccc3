using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.Configuration;

namespace OrgFunctions.Tests.Configuration;

public class ServiceBusOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddServiceBusClient(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    [Fact]
    public void ReadsTheIdentityBasedNamespaceAsTheHostDoes()
    {
        using var provider = Build(new()
        {
            ["ServiceBusConnection__fullyQualifiedNamespace"] = "sb-orgfn.servicebus.windows.net",
            ["ServiceBusConnection:credential"] = "managedidentity",
        });

        var options = provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value;

        Assert.Equal("sb-orgfn.servicebus.windows.net", options.FullyQualifiedNamespace);
        Assert.Equal("managedidentity", options.Credential);
        Assert.Null(options.ConnectionString);
    }

    [Fact]
    public void WithoutAnySettingTheClientCantBeCreatedAndTheErrorNamesTheSetting()
    {
        using var provider = Build(new());

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ServiceBusClient>());

        Assert.Contains("ServiceBusConnection", ex.Message);
    }
}
