using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrgFunctions.Health;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.Health;

/// <summary>GET /api/health, the app's own function, served by the local host.</summary>
public sealed class HealthFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task WithStorageReachableHealthIs200WithVersionAndEveryServiceUp()
    {
        await using var host = await SampleHost.StartAsync(storageConnectionString: azurite.ConnectionString);
        var response = await host.Client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal(HealthService.Version, body.GetProperty("version").GetString());
        Assert.StartsWith("0.1.0", HealthService.Version);
        var storage = body.GetProperty("storage");
        Assert.Equal("up", storage.GetProperty("tables").GetString());
        Assert.Equal("up", storage.GetProperty("blobs").GetString());
        Assert.Equal("up", storage.GetProperty("queues").GetString());
    }

    [Fact]
    public async Task WithStorageUnreachableHealthIs503AndSaysWhichServiceIsDown()
    {
        var closed = OrgFunctions.Testing.FreePort.Next();
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};" +
            $"BlobEndpoint={azurite.Server.BlobEndpoint};QueueEndpoint={azurite.Server.QueueEndpoint};" +
            $"TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;";
        await using var host = await SampleHost.StartAsync(storageConnectionString: connection);
        var response = await host.Client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal("down", body.GetProperty("storage").GetProperty("tables").GetString());
        Assert.Equal("up", body.GetProperty("storage").GetProperty("blobs").GetString());
    }

    [Fact]
    public async Task TheHostRefusesToStartWithoutAStorageConnectionString()
    {
        var host = OrgFunctions.LocalHost.Hosting.LocalFunctionsHost.Create(["--port", "0", "--AzureWebJobsStorage=",
            "--settings", Path.Combine(OrgFunctions.Testing.RepoPaths.Root, "local.settings.sample.json")]);
        await using (host)
        {
            var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());
            Assert.Contains("AzureWebJobsStorage", error.Message);
        }
    }
}
