using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using OrgFunctions.Configuration;

namespace OrgFunctions.Tests.Configuration;

/// <summary>The app's ServiceBusClient from <c>ServiceBusConnection</c>, as the Service Bus trigger's host reads that connection.</summary>
public class ServiceBusClientTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddServiceBusClient(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task TheIdentityBasedFormNamesTheNamespace()
    {
        await using var provider = Build(new()
        {
            // ServiceBusConnection__fullyQualifiedNamespace in the environment.
            ["ServiceBusConnection:fullyQualifiedNamespace"] = "sb-orgfn.servicebus.windows.net",
            ["ServiceBusConnection:credential"] = "managedidentity",
        });

        Assert.Equal("sb-orgfn.servicebus.windows.net", provider.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Fact]
    public async Task AConnectionStringNamesTheNamespaceItself()
    {
        await using var provider = Build(new()
        {
            ["ServiceBusConnection"] = "Endpoint=sb://sb-local.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bm90LWEta2V5",
        });

        Assert.Equal("sb-local.servicebus.windows.net", provider.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task WithoutAnySettingTheClientCantBeCreatedAndTheErrorNamesTheSetting(string? value)
    {
        await using var provider = Build(new() { ["ServiceBusConnection"] = value, ["ServiceBusConnection:credential"] = "managedidentity" });

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ServiceBusClient>());

        Assert.Contains("'ServiceBusConnection'", ex.Message);
        Assert.Contains("'ServiceBusConnection__fullyQualifiedNamespace'", ex.Message);
    }

    [Fact]
    public async Task TheCompositionRegistersOneClientTheOneFromServiceBusConnection()
    {
        var services = new ServiceCollection().AddOrgFunctions(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["ServiceBusConnection"] = "Endpoint=sb://sb-local.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bm90LWEta2V5",
        }).Build());
        await using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(ServiceBusClient));
        Assert.Equal("sb-local.servicebus.windows.net", provider.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Fact]
    public async Task AClientRegisteredInItsPlaceWinsAsTheLocalHostsDoes()
    {
        var local = new Mock<ServiceBusClient>().Object;
        await using var provider = Build(new(), services => services.Replace(ServiceDescriptor.Singleton(local)));

        Assert.Same(local, provider.GetRequiredService<ServiceBusClient>());
    }
}
