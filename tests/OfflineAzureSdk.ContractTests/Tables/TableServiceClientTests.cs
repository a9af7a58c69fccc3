using Azure;
using Azure.Data.Tables;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Tables;

public class TableServiceClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CreateTableIfNotExistsCreatesOnceAndThenSucceedsAgain()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var name = AzuriteFixture.UniqueName("svc");

        var first = await service.CreateTableIfNotExistsAsync(name);
        var second = service.CreateTableIfNotExists(name);

        Assert.Equal(name, first.Value.Name);
        Assert.Equal(name, second.Value.Name);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => service.CreateTableAsync(name));
        Assert.Equal(409, ex.Status);
        Assert.Equal("TableAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task ATableClientFromTheServiceClientUsesTheSameAccount()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var name = AzuriteFixture.UniqueName("svc");
        await service.CreateTableIfNotExistsAsync(name);

        var table = service.GetTableClient(name);
        await table.AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal("devstoreaccount1", service.AccountName);
        Assert.Equal("devstoreaccount1", table.AccountName);
        Assert.Equal(name, table.Name);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task DeleteTableRemovesTheTable()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var name = AzuriteFixture.UniqueName("svc");
        await service.CreateTableIfNotExistsAsync(name);

        await service.DeleteTableAsync(name);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => service.GetTableClient(name).AddEntityAsync(new TableEntity("p", "r")));
        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task ASharedKeyCredentialClientReachesTheTable()
    {
        var credential = new TableSharedKeyCredential(AzuriteServer.AccountName, AzuriteServer.AccountKey);
        var service = new TableServiceClient(azurite.Server.TableEndpoint, credential);
        var name = AzuriteFixture.UniqueName("key");
        await service.CreateTableIfNotExistsAsync(name);

        var table = new TableClient(azurite.Server.TableEndpoint, name, credential);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = "x" });

        Assert.Equal("x", (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("V"));
    }
}
