using OrgFunctions.Testing.Http;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;

namespace OfflineAzureSdk.ContractTests.Queues;

public class QueueClientTokenCredentialTests
{
    [Fact]
    public async Task TokenCredentialIsSentAsBearerWithTheServiceVersion()
    {
        await using var server = new TlsRequestRecorder("QueueNotFound");
        var credential = new FakeTokenCredential("queue-token-456");
        var options = new QueueClientOptions { Transport = new HttpClientTransport(server.CreateHandler()), Retry = { MaxRetries = 0 } };
        var queue = new QueueClient(new Uri(server.BaseUri, "devstoreaccount1/orders"), credential, options);

        var exists = await queue.ExistsAsync();

        Assert.False(exists.Value);
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("GET /devstoreaccount1/orders", request.RequestLine);
        Assert.Equal("Bearer queue-token-456", request.Headers["Authorization"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", request.Headers["x-ms-version"]);
        Assert.Contains("https://storage.azure.com/.default", credential.RequestedScopes);
    }
}
