using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.Configuration;
using OrgFunctions.Testing.Http;

namespace OrgFunctions.Tests.Configuration;

/// <summary>The app's storage clients as the Functions host's settings describe them: connection string or identity.</summary>
public class StorageClientsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddStorageClients(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task IdentityBasedSettingsGiveClientsThatSendABearerTokenToTheConfiguredServices()
    {
        await using var server = new TlsRequestRecorder("ResourceNotFound");
        var credential = new FakeTokenCredential("identity-token");
        var account = new Uri(server.BaseUri, "acct");
        using var provider = Build(new()
        {
            // Environment variables use "__"; the host's configuration turns that into ":".
            ["AzureWebJobsStorage:tableServiceUri"] = account.ToString(),
            ["AzureWebJobsStorage__blobServiceUri"] = account.ToString(),
            ["AzureWebJobsStorage__queueServiceUri"] = account.ToString(),
        }, services =>
        {
            services.AddSingleton<TokenCredential>(credential);
            var transport = new HttpClientTransport(server.CreateHandler());
            services.AddSingleton(new TableClientOptions { Transport = transport, Retry = { MaxRetries = 0 } });
            services.AddSingleton(new BlobClientOptions { Transport = transport, Retry = { MaxRetries = 0 } });
            services.AddSingleton(new QueueClientOptions { Transport = transport, Retry = { MaxRetries = 0 } });
        });

        await provider.GetRequiredService<TableServiceClient>().GetTableClient("Orgs").DeleteEntityAsync("p", "r");
        await provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("sftp").ExistsAsync();
        await provider.GetRequiredService<QueueServiceClient>().GetQueueClient("webhook-deliveries").ExistsAsync();

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Bearer identity-token", r.Headers["authorization"]));
        Assert.All(server.Requests, r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r.Headers["x-ms-version"]));
        Assert.All(server.Requests, r => Assert.Contains(" /acct/", r.RequestLine));
    }

    [Fact]
    public void AnAccountNameAloneNamesThePublicCloudEndpoints()
    {
        using var provider = Build(new() { ["AzureWebJobsStorage__accountName"] = "storgfn", ["AzureWebJobsStorage__credential"] = "managedidentity" });

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.False(options.UsesConnectionString);
        Assert.Equal(new Uri("https://storgfn.table.core.windows.net"), options.TableUri);
        Assert.Equal(new Uri("https://storgfn.blob.core.windows.net"), options.BlobUri);
        Assert.Equal(new Uri("https://storgfn.queue.core.windows.net"), options.QueueUri);
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(provider.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public void AConnectionStringWinsAndNeedsNoCredential()
    {
        using var provider = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var tables = provider.GetRequiredService<TableServiceClient>();

        Assert.Equal("devstoreaccount1", tables.AccountName);
    }

    [Fact]
    public void NoStorageSettingFailsValidationNamingTheSetting()
    {
        using var provider = Build(new());

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("AzureWebJobsStorage", ex.Message);
    }
}
