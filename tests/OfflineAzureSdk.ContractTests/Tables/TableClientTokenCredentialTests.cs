using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace OfflineAzureSdk.ContractTests.Tables;

public class TableClientTokenCredentialTests
{
    [Fact]
    public async Task ATokenCredentialClientSendsABearerTokenForStorageAndTheServiceVersion()
    {
        using var server = new LoopbackHttpsServer();
        var credential = new FakeTokenCredential("test-token-123");
        var options = new TableClientOptions { Transport = new HttpClientTransport(server.CreateTrustingHandler()) };
        options.Retry.MaxRetries = 0;
        var table = new TableClient(server.Endpoint, "orgs", credential, options);

        var response = await table.DeleteEntityAsync("p", "r");

        Assert.Equal(204, response.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer test-token-123", request["authorization"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", request["x-ms-version"]);
        Assert.StartsWith("DELETE /devstoreaccount1/orgs(PartitionKey='p',RowKey='r')", request[":request-line"]);
        Assert.Equal("https://storage.azure.com/.default", Assert.Single(credential.Scopes.Distinct()));
        Assert.Equal("devstoreaccount1", table.AccountName);
        Assert.Equal("orgs", table.Name);
    }

    private sealed class FakeTokenCredential(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
