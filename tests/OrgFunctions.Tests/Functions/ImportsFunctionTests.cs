using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

public class ImportsFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TheTimerIngestsDroppedFilesAndImportsListsThemWithTheirReportsAsDocumented()
    {
        // A prefix of its own, so the timer visits this test's home only.
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12] + "-";
        // --enable-admin: the admin endpoint that runs the timer below is a development flag of the local host.
        await using var app = await AppHost.StartAsync(azurite, null, $"--FileDrops:ContainerPrefix={prefix}", "--enable-admin");
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var owner = await orgs.Trees.KeyAsync(root);
        var member = await orgs.Trees.KeyAsync(root, SystemRoles.MemberId);
        var blobs = new BlobContainerClient(azurite.ConnectionString, prefix + root.Org.Id);
        await blobs.CreateIfNotExistsAsync();
        await blobs.GetBlobClient("inbox/blocklist.csv").UploadAsync(BinaryData.FromString("channel,identifier\nsms,+353871234567\n"));
        await blobs.GetBlobClient("inbox/blocklist-bad.csv").UploadAsync(BinaryData.FromString("channel,identifier\nfax,+353871234568\nsms,=1+2\n"));
        await blobs.GetBlobClient("inbox/contacts.xlsx").UploadAsync(BinaryData.FromString("?"));

        // Run the timer now through the local host's admin endpoint (as Functions' own admin API does), then poll.
        var started = await app.Client.PostAsync("admin/functions/IngestFileDrops", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        HttpResponseMessage response;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(200);
            response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}/imports", owner));
        }
        while (DateTime.UtcNow < deadline && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").GetArrayLength() < 3);
        response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}/imports", owner));
        var forbidden = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}/imports", member));
        var check = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}/blocklist/check?channel=sms&identifier=%2B353871234567", owner));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Every kind of report (completed; failed with row errors; failed with a problem and the supported kinds) as the
        // OpenAPI document describes it.
        var items = (await OpenApi.DocumentedResponses.AssertConformsAsync(response, "/orgs/{orgId}/imports", "get"))!.Value
            .GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("file").GetString()!);
        Assert.Equal(3, items.Count);
        Assert.Equal("completed", items["blocklist.csv"].GetProperty("status").GetString());
        Assert.Equal(1, items["blocklist.csv"].GetProperty("report").GetProperty("applied").GetInt64());
        var errors = items["blocklist-bad.csv"].GetProperty("report").GetProperty("errors");
        Assert.Equal(2, errors.GetArrayLength());
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("value").GetString() == "'=1+2");
        Assert.True(items["contacts.xlsx"].GetProperty("report").GetProperty("supportedKinds").GetArrayLength() >= 2);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.True(JsonDocument.Parse(await check.Content.ReadAsStringAsync()).RootElement.GetProperty("blocked").GetBoolean());
    }
}
