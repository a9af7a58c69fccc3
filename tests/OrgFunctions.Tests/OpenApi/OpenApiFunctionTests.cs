using System.Net;
using System.Text.Json;
using OrgFunctions.Testing;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.OpenApi;

public class OpenApiFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TheDocumentIsServedWithoutAKeyAsJsonExactlyAsWritten()
    {
        await using var app = await AppHost.StartAsync(azurite);

        var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, "api/openapi.json", apiKey: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var served = await response.Content.ReadAsByteArrayAsync();
        // The source file is what the node test validates with an OpenAPI validator: it must be what is served.
        var source = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "src", "OrgFunctions", "OpenApi", "openapi.json"));
        Assert.Equal(source, served);
        using var document = JsonDocument.Parse(served);
        Assert.StartsWith("3.1.", document.RootElement.GetProperty("openapi").GetString());
    }
}
