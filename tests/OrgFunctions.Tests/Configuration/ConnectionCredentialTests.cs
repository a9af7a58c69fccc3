using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Configuration;
using OrgFunctions.Testing.Http;

namespace OrgFunctions.Tests.Configuration;

/// <summary>Which credential an identity-based connection gets: DI's, else the one its settings name, else the default.</summary>
public class ConnectionCredentialTests
{
    private static TokenCredential Resolve(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddAzureClients(_ => { });
        using var provider = services.BuildServiceProvider();
        var connection = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("AzureWebJobsStorage");
        return ConnectionCredential.Resolve(provider, connection);
    }

    [Fact]
    public void ManagedIdentityAsTheHostReadsIt() =>
        Assert.IsType<ManagedIdentityCredential>(Resolve(new()
        {
            ["AzureWebJobsStorage:accountName"] = "storgfn",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }));

    [Fact]
    public void WithoutACredentialSettingTheDefaultChain() =>
        Assert.IsType<DefaultAzureCredential>(Resolve(new() { ["AzureWebJobsStorage:accountName"] = "storgfn" }));

    [Fact]
    public void ATokenCredentialRegisteredInDIWinsOverTheSettings()
    {
        var registered = new FakeTokenCredential("t");

        Assert.Same(registered, Resolve(new() { ["AzureWebJobsStorage:credential"] = "managedidentity" },
            services => services.AddSingleton<TokenCredential>(registered)));
    }

    [Fact]
    public void TheAzureClientsDefaultCredentialReplacesTheDefaultChain()
    {
        var chosen = new FakeTokenCredential("t");

        Assert.Same(chosen, Resolve(new() { ["AzureWebJobsStorage:accountName"] = "storgfn" },
            services => services.AddAzureClients(clients => clients.UseCredential(chosen))));
    }
}
