using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.Configuration;
using OrgFunctions.Testing.Http;

namespace OrgFunctions.Tests.Configuration;

/// <summary>
/// The app's storage clients as the Functions host's settings describe them: connection string or identity. In
/// configuration the host's <c>AzureWebJobsStorage__tableServiceUri</c> (environment variable) is <c>AzureWebJobsStorage:tableServiceUri</c>.
/// </summary>
public class StorageClientsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddStorageClients(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    private static Dictionary<string, string?> ServiceUris(Uri account) => new()
    {
        ["AzureWebJobsStorage:tableServiceUri"] = account.ToString(),
        ["AzureWebJobsStorage:blobServiceUri"] = account.ToString(),
        ["AzureWebJobsStorage:queueServiceUri"] = account.ToString(),
    };

    /// <summary>
    /// One cheap request per client. The recorder answers each with a 404 whose error code is none of the services' own
    /// "not found" codes, so the real clients' ExistsAsync throws rather than answering false: what was sent is the point.
    /// </summary>
    private static async Task CallEachServiceAsync(IServiceProvider provider)
    {
        await NotFound(() => provider.GetRequiredService<TableServiceClient>().GetTableClient("Orgs").DeleteEntityAsync("p", "r"));
        await NotFound(() => provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("sftp").ExistsAsync());
        await NotFound(() => provider.GetRequiredService<QueueServiceClient>().GetQueueClient("webhook-deliveries").ExistsAsync());
    }

    private static async Task NotFound(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    [Fact]
    public async Task IdentityBasedSettingsGiveClientsThatSendABearerTokenToTheConfiguredServices()
    {
        await using var server = new TlsRequestRecorder("ResourceNotFound");
        var credential = new FakeTokenCredential("identity-token");
        await using var provider = Build(ServiceUris(new Uri(server.BaseUri, "acct")), services =>
        {
            // Registered in DI, as tests do: both replace what the package would create.
            services.AddSingleton<TokenCredential>(credential);
            var transport = new HttpClientTransport(server.CreateHandler());
            services.AddSingleton(new TableClientOptions { Transport = transport, Retry = { MaxRetries = 0 } });
            services.AddSingleton(new BlobClientOptions { Transport = transport, Retry = { MaxRetries = 0 } });
            services.AddSingleton(new QueueClientOptions { Transport = transport, Retry = { MaxRetries = 0 } });
        });

        await CallEachServiceAsync(provider);

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Bearer identity-token", r.Headers["authorization"]));
        Assert.All(server.Requests, r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r.Headers["x-ms-version"]));
        Assert.All(server.Requests, r => Assert.Contains(" /acct/", r.RequestLine));
        Assert.Contains("https://storage.azure.com/.default", credential.RequestedScopes);
    }

    [Fact]
    public async Task TheAzureClientsDefaultsApplyWhereTheSettingsNameNoCredential()
    {
        await using var server = new TlsRequestRecorder("ResourceNotFound");
        var credential = new FakeTokenCredential("default-token");
        await using var provider = Build(ServiceUris(new Uri(server.BaseUri, "acct")), services => services.AddAzureClients(clients =>
        {
            clients.UseCredential(credential);
            clients.ConfigureDefaults(options =>
            {
                options.Transport = new HttpClientTransport(server.CreateHandler());
                options.Retry.MaxRetries = 0;
            });
        }));

        await CallEachServiceAsync(provider);

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Bearer default-token", r.Headers["authorization"]));
    }

    [Fact]
    public async Task AConnectionStringGivesSharedKeyClientsEvenWhereACredentialIsRegistered()
    {
        await using var server = new TlsRequestRecorder("ResourceNotFound");
        var account = new Uri(server.BaseUri, "acct");
        var key = Convert.ToBase64String("not-a-real-account-key-0123456789"u8);
        await using var provider = Build(new()
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={key};" +
                                      $"TableEndpoint={account};BlobEndpoint={account};QueueEndpoint={account}",
            ["AzureWebJobsStorage:accountName"] = "ignored",
        }, services =>
        {
            services.AddSingleton<TokenCredential>(new FakeTokenCredential("unused"));
            services.AddAzureClients(clients => clients.ConfigureDefaults(options =>
            {
                options.Transport = new HttpClientTransport(server.CreateHandler());
                options.Retry.MaxRetries = 0;
            }));
        });

        await CallEachServiceAsync(provider);

        Assert.Equal(3, server.Requests.Count);
        // Tables sign with SharedKeyLite, blobs and queues with SharedKey: the account key never travels.
        Assert.All(server.Requests, r => Assert.Matches("^SharedKey(Lite)? acct:", r.Headers["authorization"]));
        Assert.All(server.Requests, r => Assert.DoesNotContain(key, r.Headers["authorization"]));
    }

    [Fact]
    public async Task AnAccountNameAloneNamesThePublicCloudEndpoints()
    {
        await using var provider = Build(new() { ["AzureWebJobsStorage:accountName"] = "storgfn", ["AzureWebJobsStorage:credential"] = "managedidentity" });

        Assert.Equal(new Uri("https://storgfn.table.core.windows.net/"), provider.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://storgfn.blob.core.windows.net/"), provider.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal(new Uri("https://storgfn.queue.core.windows.net/"), provider.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal("storgfn", provider.GetRequiredService<TableServiceClient>().AccountName);
    }

    [Fact]
    public async Task AServiceUriWinsOverTheAccountNameForItsServiceOnly()
    {
        await using var provider = Build(new()
        {
            ["AzureWebJobsStorage:accountName"] = "storgfn",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://storgfn.table.core.chinacloudapi.cn",
        });

        Assert.Equal(new Uri("https://storgfn.table.core.chinacloudapi.cn/"), provider.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://storgfn.blob.core.windows.net/"), provider.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public async Task TheDevelopmentStorageShortcutIsAzurite()
    {
        await using var provider = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var tables = provider.GetRequiredService<TableServiceClient>();

        Assert.Equal("devstoreaccount1", tables.AccountName);
        Assert.Equal(10002, tables.Uri.Port);
    }

    [Fact]
    public async Task ABlankConnectionStringLeavesTheIdentityBasedFormInCharge()
    {
        await using var provider = Build(new() { ["AzureWebJobsStorage"] = " ", ["AzureWebJobsStorage:accountName"] = "storgfn" });

        Assert.Equal("storgfn", provider.GetRequiredService<TableServiceClient>().AccountName);
    }

    public static readonly TheoryData<Dictionary<string, string?>> Incomplete = new()
    {
        new Dictionary<string, string?>(),
        new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "" },
        new Dictionary<string, string?> { ["AzureWebJobsStorage:credential"] = "managedidentity" },
        new Dictionary<string, string?> { ["AzureWebJobsStorage:blobServiceUri"] = "https://a.blob.core.windows.net" },
        new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://a.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://a.queue.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "a.table.core.windows.net",
        },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public async Task AnIncompleteConnectionFailsValidationNamingTheSettings(Dictionary<string, string?> settings)
    {
        await using var provider = Build(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageConnectionOptions>>().Value);
        Assert.Contains("'AzureWebJobsStorage'", ex.Message);
        Assert.Contains("'AzureWebJobsStorage__accountName'", ex.Message);
        // The clients can't be had either: the same message, not a NullReferenceException from a missing URI.
        Assert.Equal(ex.Message, Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<TableServiceClient>()).Message);
    }
}
