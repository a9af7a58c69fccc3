using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;
using OrgFunctions.Testing;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Testing.Hosting;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Provisioning.Crash;

/// <summary>
/// Issue 5, point 4: the local host as a child process, killed (SIGKILL) in the middle of the template copy, then
/// started again on the same task hub: the orchestration completes and the org has every role and template exactly once.
/// </summary>
public sealed class ProvisioningCrashTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int CustomRoles = 50;
    private const int Templates = 120; // 240 rows with their name reservations: three transactions

    [Fact]
    public async Task AHostKilledDuringTheCopyStepFinishesTheOrgOnRestartWithEverythingExactlyOnce()
    {
        var hub = AzuriteFixture.UniqueName("hub");
        var tables = new OrgTables(new TableServiceClient(azurite.ConnectionString));
        string rootId, key, instanceId, orgId;
        OrgPath child;

        await using (var first = StartHost(hub, $"--{CopyStepBlocker.Setting}=2"))
        {
            await first.WaitUntilAnswersAsync("api/health");
            (rootId, key) = await SignUpAsync(first.Client);
            var root = OrgPath.Root(OrgId.Parse(rootId));
            await OrgContentBuilder.CustomRolesAsync(tables, root, CustomRoles);
            await OrgContentBuilder.TemplatesAsync(tables, root, Templates);

            using var started = await first.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{rootId}/children", key, new { name = "Survivor" }));
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var body = await started.Content.ReadFromJsonAsync<JsonElement>();
            (instanceId, orgId) = (body.GetProperty("id").GetString()!, body.GetProperty("orgId").GetString()!);
            child = root.Child(OrgId.Parse(orgId));

            // The first template transaction is stored, the second is held: the host dies mid-copy.
            await WaitForRowsAsync(tables, child, RowKeys.TemplatePrefix(child.OrgId), 50);
            Assert.Equal(50, (await OrgContentBuilder.RowsAsync(tables, child, RowKeys.TemplatePrefix(child.OrgId))).Count);
            await first.KillAsync();
        }

        await using var second = StartHost(hub);
        await second.WaitUntilAnswersAsync("api/health");
        var status = await WaitForEndAsync(second.Client, key, instanceId);

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(orgId, status.GetProperty("orgId").GetString());
        var org = await second.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", key));
        Assert.Equal("active", (await org.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(5 + CustomRoles, (await OrgContentBuilder.RowsAsync(tables, child, RowKeys.RolePrefix(child.OrgId))).Count);
        Assert.Equal(CustomRoles, (await OrgContentBuilder.RowsAsync(tables, child, RowKeys.RoleNamePrefix(child.OrgId))).Count);
        Assert.Equal(Templates, (await OrgContentBuilder.RowsAsync(tables, child, RowKeys.TemplatePrefix(child.OrgId))).Count);
        Assert.Equal(Templates, (await OrgContentBuilder.RowsAsync(tables, child, RowKeys.TemplateNamePrefix(child.OrgId))).Count);
        var roles = await second.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/roles", key));
        var names = (await roles.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        var events = await OrgContentBuilder.RowsAsync<EventEntity>(tables, OrgPath.Root(OrgId.Parse(rootId)), RowKeys.EventPrefix);
        Assert.Single(events.Select(OutboxRows.Read), e => e.Type == EventTypes.OrgCreated && e.OrgId == orgId);
    }

    private ChildLocalHost StartHost(string hub, params string[] extra) =>
        ChildLocalHost.Start([
            "--functions-assembly", typeof(CopyStepBlocker).Assembly.Location,
            "--settings", Path.Combine(RepoPaths.Root, "local.settings.sample.json"),
            $"--AzureWebJobsStorage={azurite.ConnectionString}",
            $"--AzureFunctionsJobHost:extensions:durableTask:hubName={hub}",
            .. extra,
        ]);

    private static async Task<(string OrgId, string ApiKey)> SignUpAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("api/signup", new
        {
            orgName = "Crash root",
            owner = new { email = $"owner-{Guid.NewGuid():N}@example.com", displayName = "Owner" },
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("org").GetProperty("id").GetString()!, body.GetProperty("apiKey").GetProperty("secret").GetString()!);
    }

    private static async Task WaitForRowsAsync(OrgTables tables, OrgPath org, string prefix, int atLeast)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await OrgContentBuilder.RowsAsync(tables, org, prefix)).Count < atLeast)
        {
            Assert.True(DateTime.UtcNow < deadline, "The copy step did not start in time.");
            await Task.Delay(50);
        }
    }

    private static async Task<JsonElement> WaitForEndAsync(HttpClient client, string key, string instanceId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            using var response = await client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/provisioning/{instanceId}", key));
            var status = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.StatusCode == HttpStatusCode.OK && status.GetProperty("status").GetString() is "completed" or "failed")
            {
                return status;
            }
            Assert.True(DateTime.UtcNow < deadline, "The provisioning did not end after the restart: " + status);
            await Task.Delay(100);
        }
    }
}
