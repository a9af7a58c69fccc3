using OrgFunctions.Testing.Http;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace OfflineAzureSdk.ContractTests.Blobs;

public class BlobClientTokenCredentialTests
{
    [Fact]
    public async Task TokenCredentialIsSentAsBearerWithTheServiceVersion()
    {
        await using var server = new TlsRequestRecorder("BlobNotFound");
        var credential = new FakeTokenCredential("blob-token-123");
        var options = new BlobClientOptions { Transport = new HttpClientTransport(server.CreateHandler()), Retry = { MaxRetries = 0 } };
        var blob = new BlobClient(new Uri(server.BaseUri, "devstoreaccount1/container/file.txt"), credential, options);

        var exists = await blob.ExistsAsync();

        Assert.False(exists.Value);
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("HEAD /devstoreaccount1/container/file.txt", request.RequestLine);
        Assert.Equal("Bearer blob-token-123", request.Headers["Authorization"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", request.Headers["x-ms-version"]);
        Assert.Contains("https://storage.azure.com/.default", credential.RequestedScopes);
    }

    [Fact]
    public void TokenCredentialOverPlainHttpIsRefused()
    {
        var credential = new FakeTokenCredential("never-sent");

        Assert.ThrowsAny<ArgumentException>(() => new BlobClient(new Uri("http://127.0.0.1:1/account/c/b"), credential));
    }
}
