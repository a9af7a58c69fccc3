using OrgFunctions.Testing.Http;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace OfflineAzureSdk.ContractTests.Tables;

public class TableClientTokenCredentialTests
{
    [Fact]
    public async Task ATokenCredentialClientSendsABearerTokenForStorageAndTheServiceVersion()
    {
        await using var server = new TlsRequestRecorder("ResourceNotFound");
        var credential = new FakeTokenCredential("test-token-123");
        var options = new TableClientOptions { Transport = new HttpClientTransport(server.CreateHandler()) };
        options.Retry.MaxRetries = 0;
        var table = new TableClient(new Uri(server.BaseUri, "devstoreaccount1"), "orgs", credential, options);

        var response = await table.DeleteEntityAsync("p", "r");

        Assert.Equal(404, response.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer test-token-123", request.Headers["authorization"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", request.Headers["x-ms-version"]);
        Assert.StartsWith("DELETE /devstoreaccount1/orgs(PartitionKey='p',RowKey='r')", request.RequestLine);
        Assert.Equal("https://storage.azure.com/.default", Assert.Single(credential.RequestedScopes.Distinct()));
        Assert.Equal("devstoreaccount1", table.AccountName);
        Assert.Equal("orgs", table.Name);
    }
}
