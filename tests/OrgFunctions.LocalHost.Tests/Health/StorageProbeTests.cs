using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Health;
using OrgFunctions.Testing.Http;

namespace OrgFunctions.LocalHost.Tests.Health;

/// <summary>The probe behind GET /api/health with identity-based clients, whose failures are not HTTP answers.</summary>
public sealed class StorageProbeTests
{
    /// <summary>The app's own probe (AddOrgFunctions) on identity-based clients that call the recorder.</summary>
    private static async Task<StorageReachability> ProbeAsync(TlsRequestRecorder server, TokenCredential credential)
    {
        var account = new Uri(server.BaseUri, "acct").ToString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:tableServiceUri"] = account,
            ["AzureWebJobsStorage:blobServiceUri"] = account,
            ["AzureWebJobsStorage:queueServiceUri"] = account,
        }).Build();
        var services = new ServiceCollection().AddOrgFunctions(configuration);
        services.AddSingleton(credential);
        var transport = new HttpClientTransport(server.CreateHandler());
        services.AddSingleton(new TableClientOptions { Transport = transport });
        services.AddSingleton(new BlobClientOptions { Transport = transport });
        services.AddSingleton(new QueueClientOptions { Transport = transport });
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IStorageProbe>().ProbeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnIdentityThatGetsNoTokenIsDownNotAnError()
    {
        await using var server = new TlsRequestRecorder("ResourceNotFound");

        Assert.Equal(new StorageReachability(false, false, false), await ProbeAsync(server, new NoIdentity()));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AServiceThatAnswers404WithAnyErrorCodeIsUp()
    {
        // The real ExistsAsync answers false only for its own "not found" code and throws for any other 404.
        await using var server = new TlsRequestRecorder("ResourceNotFound");

        Assert.Equal(new StorageReachability(true, true, true), await ProbeAsync(server, new FakeTokenCredential("t")));
        Assert.Equal(3, server.Requests.Count);
    }

    /// <summary>What a managed identity credential does where there is no identity: it throws before any request.</summary>
    private sealed class NoIdentity : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new CredentialUnavailableException("No managed identity endpoint found.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new CredentialUnavailableException("No managed identity endpoint found.");
    }
}
