using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Domain.Templates;
using OrgFunctions.LocalHost.Hosting;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Provisioning;
using OrgFunctions.Roles;
using OrgFunctions.Storage;
using OrgFunctions.Templates;

namespace OrgFunctions.Benchmarks.Provisioning;

/// <summary>
/// Times sub-org provisioning end to end (POST, orchestration on the real Durable Task engine in the local host (Azure Storage provider on Azurite), status polled every 10 ms
/// until completed) against the raw storage work the same copy needs: read the parent, its roles and its templates,
/// then write the new org's rows (org, name, index, roles with name rows, templates with name rows, workspace, event)
/// in batched transactions. Samples of the two kinds alternate, in the same process and on the same Azurite, so the
/// ratio does not depend on the machine (DESIGN §8: Azurite's absolute speed means nothing).
/// </summary>
public static class ProvisioningBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, string storageConnectionString, TextWriter output)
    {
        var host = LocalFunctionsHost.Create(
        [
            "--port", "0",
            $"--AzureWebJobsStorage={storageConnectionString}",
            "--FUNCTIONS_WORKER_RUNTIME=dotnet-isolated",
            "--AzureFunctionsJobHost:extensions:durableTask:hubName=" + ("bench" + Guid.NewGuid().ToString("N"))[..24],
            "--Logging:LogLevel:Default=Warning",
        ]);
        await host.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var tables = new OrgTables(new TableServiceClient(storageConnectionString));
            var (rootId, key) = await SignUpAsync(client);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var root = OrgPath.Root(OrgId.Parse(rootId));
            await FillParentAsync(tables, root, options);

            var provisioner = host.Services.GetRequiredService<OrgProvisioner>();
            await ProvisionAsync(client, rootId, "warm-up provisioning");
            await RawCopyAsync(tables, root, "warm-up raw");
            await StepsDirectlyAsync(provisioner, root, "warm-up steps");
            var provisioning = new List<double>();
            var raw = new List<double>();
            var steps = new List<double>();
            for (var i = 0; i < options.Samples; i++)
            {
                // The three kinds back to back, in a rotating order, so each sees the same Azurite and machine load.
                Func<Task>[] kinds =
                [
                    async () => provisioning.Add(await ProvisionAsync(client, rootId, $"provisioned {i}")),
                    async () => raw.Add(await RawCopyAsync(tables, root, $"raw {i}")),
                    async () => steps.Add(await StepsDirectlyAsync(provisioner, root, $"steps {i}")),
                ];
                for (var k = 0; k < kinds.Length; k++)
                {
                    await kinds[(i + k) % kinds.Length]();
                }
            }

            var result = new BenchmarkResult(options.Samples, Median(provisioning), Median(raw), Median(provisioning) / Median(raw),
                provisioning, raw, Median(steps), steps);
            output.WriteLine($"Provisioning a sub-org of a parent with {options.CustomRoles} custom roles (+5 system) and {options.Templates} templates");
            output.WriteLine($"  provisioning (HTTP 202 -> completed): median {result.ProvisioningMedianMs:F1} ms, min {provisioning.Min():F1}, max {provisioning.Max():F1} (n={options.Samples})");
            output.WriteLine($"  raw storage work (reads + batched transactions): median {result.RawMedianMs:F1} ms, min {raw.Min():F1}, max {raw.Max():F1} (n={options.Samples})");
            output.WriteLine($"  the same steps called directly (no engine, no HTTP): median {result.StepsMedianMs:F1} ms, min {steps.Min():F1}, max {steps.Max():F1} (n={options.Samples})");
            output.WriteLine($"  ratio provisioning / raw: {result.Ratio:F1}x (medians, n={options.Samples} each)");
            output.WriteLine($"    of which the steps' own work / raw: {result.StepsMedianMs / result.RawMedianMs:F1}x; " +
                             $"provisioning / the steps called directly (engine, HTTP and polling): {result.ProvisioningMedianMs / result.StepsMedianMs:F1}x");
            return result;
        }
        finally
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }

    private static async Task<(string RootId, string Key)> SignUpAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("api/signup", new
        {
            orgName = "Bench " + Guid.NewGuid().ToString("N")[..8],
            owner = new { email = $"bench-{Guid.NewGuid():N}@example.com", displayName = "Bench" },
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("org").GetProperty("id").GetString()!, body.GetProperty("apiKey").GetProperty("secret").GetString()!);
    }

    private static async Task FillParentAsync(OrgTables tables, OrgPath parent, BenchmarkOptions options)
    {
        var rows = new List<ITableEntity>();
        for (var i = 1; i <= options.CustomRoles; i++)
        {
            var role = Role.Custom($"role_{i:D3}", RoleName.Create($"Custom {i}"), [Permission.OrgsRead, Permission.ReportsRead]);
            rows.Add(RoleRow.Create(parent, role));
            rows.Add(RoleRow.NameReservation(parent.RootId.Value, RowKeys.RoleName(parent.OrgId, role.Name), role.Id));
        }
        for (var i = 1; i <= options.Templates; i++)
        {
            var template = MessageTemplate.Create($"tpl_{i:D3}", TemplateName.Create($"template_{i}"), TemplateLanguage.Create("en-GB"),
                TemplateCategory.Utility, TemplateBody.Create($"Hello {{{{1}}}}, this is template {i}."));
            rows.Add(TemplateRow.Create(parent, template));
            rows.Add(TemplateRow.NameReservation(parent, template));
        }
        await SubmitAsync(tables, rows);
    }

    private static async Task<double> ProvisionAsync(HttpClient client, string parentId, string name)
    {
        var clock = Stopwatch.StartNew();
        using var started = await client.PostAsJsonAsync($"api/orgs/{parentId}/children", new { name });
        started.EnsureSuccessStatusCode();
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"api/provisioning/{instanceId}");
            switch (status.GetProperty("status").GetString())
            {
                case "completed":
                    return clock.Elapsed.TotalMilliseconds;
                case "failed":
                    throw new InvalidOperationException("Provisioning failed: " + status.GetProperty("error").GetString());
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>
    /// The orchestration's activities, in its order, called in process on the same input shape the starter builds:
    /// what provisioning costs without the engine (no queues, no history, no gRPC) and without HTTP or status polling.
    /// </summary>
    private static async Task<double> StepsDirectlyAsync(OrgProvisioner provisioner, OrgPath parentPath, string name)
    {
        var clock = Stopwatch.StartNew();
        var input = new ProvisioningInput(OrgId.New().Value, parentPath.Value, name, null, null, CopyRoles: true, CopyTemplates: true,
            SenderIds: [], Actor: "bench", DateTimeOffset.UtcNow, StepMaxAttempts: 1, StepFirstRetrySeconds: 1);
        await provisioner.ReserveNameAsync(input, CancellationToken.None);
        await provisioner.CreateOrgAsync(input, CancellationToken.None);
        await provisioner.CopySettingsAsync(input, CancellationToken.None);
        await provisioner.CopyRolesAsync(input, CancellationToken.None);
        await provisioner.CopyTemplatesAsync(input, CancellationToken.None);
        await provisioner.AttachSenderIdsAsync(input, CancellationToken.None);
        await provisioner.CreateDefaultWorkspaceAsync(input, CancellationToken.None);
        await provisioner.CreateFileDropHomeAsync(input, CancellationToken.None);
        await provisioner.ActivateAsync(new ActivationInput(input, "evt_" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow), CancellationToken.None);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The same reads and writes as a provisioning, done directly: what storage alone costs.</summary>
    private static async Task<double> RawCopyAsync(OrgTables tables, OrgPath parentPath, string name)
    {
        var clock = Stopwatch.StartNew();
        var partition = parentPath.RootId.Value;
        var parent = OrgRow.Read((await tables.Orgs.GetEntityAsync<OrgEntity>(partition, RowKeys.Org(parentPath))).Value);
        var roles = await RangeAsync<RoleEntity>(tables, partition, RowKeys.RolePrefix(parentPath.OrgId));
        var templates = await RangeAsync<TemplateEntity>(tables, partition, RowKeys.TemplatePrefix(parentPath.OrgId));

        var now = DateTimeOffset.UtcNow;
        var org = Org.CreateChild(parent.Org, OrgId.New(), OrgName.Create(name), null, now);
        org.Activate();
        var child = org.Path;
        await tables.Index.UpsertEntityAsync(OrgRow.Index(org), TableUpdateMode.Replace);
        var rows = new List<ITableEntity>
        {
            OrgRow.Create(org, OrgSettings.ForChildOf(parent.Settings, parent.Org.Id), now),
            OrgRow.NameReservation(org),
            new TableEntity(partition, RowKeys.Workspace(child.OrgId, "default")) { ["Kind"] = "workspace", ["OrgId"] = child.OrgId.Value },
        };
        foreach (var role in roles.Select(RoleRow.Read))
        {
            rows.Add(RoleRow.Create(child, role.Role));
            if (!role.Role.IsSystem)
            {
                rows.Add(RoleRow.NameReservation(partition, RowKeys.RoleName(child.OrgId, role.Role.Name), role.Role.Id));
            }
        }
        foreach (var template in templates.Select(TemplateRow.Read))
        {
            var copy = template.Template.CopyFor(parentPath.OrgId);
            rows.Add(TemplateRow.Create(child, copy));
            rows.Add(TemplateRow.NameReservation(child, copy));
        }
        var eventRow = OutboxRows.Add(partition, new DomainEvent("evt_" + Guid.NewGuid().ToString("N"), EventTypes.OrgCreated,
            child.OrgId.Value, now, "bench", [])).Entity;
        rows.Add(eventRow);
        await SubmitAsync(tables, rows);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<List<T>> RangeAsync<T>(OrgTables tables, string partition, string prefix) where T : class, ITableEntity, new()
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {RowKeys.PrefixEnd(prefix)}");
        var rows = new List<T>();
        await foreach (var row in tables.Orgs.QueryAsync<T>(filter))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static async Task SubmitAsync(OrgTables tables, IReadOnlyList<ITableEntity> rows)
    {
        await tables.EnsureCreatedAsync();
        foreach (var batch in rows.Chunk(100))
        {
            await tables.Orgs.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)).ToList());
        }
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
