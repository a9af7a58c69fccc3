using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Benchmarks;

/// <summary>
/// The measured pairs. Each sample times the app and the raw operation back to back on the same rows, alternating
/// which goes first, so both sides see the same Azurite, the same partition size and the same machine load.
/// </summary>
public sealed class Measurements(HttpClient app, string apiKey, string apiKeyId, TableClient orgs, TableClient index, BenchmarkTree tree)
{
    private readonly string _partition = tree.Orgs[0].Path.RootId.Value;

    /// <summary>
    /// GET /api/orgs/{id} against a plain point read of the same org's row, and against the storage requests the
    /// route itself makes, done raw (the key's index row, its row and its role's row; the org's index row and its row).
    /// </summary>
    public async Task<IReadOnlyList<Comparison>> GetOrgAsync(int warmup, int samples, CancellationToken cancellationToken)
    {
        var random = new Random(4);
        var (app, pointRead, sameReads) = (new Latencies(), new Latencies(), new Latencies());
        for (var i = -warmup; i < samples; i++)
        {
            var org = tree.Orgs[random.Next(tree.Orgs.Count)];
            var measured = i >= 0;
            Func<Task<int>>[] sides =
            [
                () => (measured ? app : new Latencies()).TimeAsync(() => GetViaAppAsync(org, cancellationToken)),
                () => (measured ? pointRead : new Latencies()).TimeAsync(() => PointReadAsync(org, cancellationToken)),
                () => (measured ? sameReads : new Latencies()).TimeAsync(() => RoutesReadsAsync(org, cancellationToken)),
            ];
            // Rotate which side goes first, so none always runs right after another's work.
            var first = ((i % 3) + 3) % 3;
            for (var s = 0; s < sides.Length; s++)
            {
                await sides[(first + s) % sides.Length]();
            }
        }
        return
        [
            new Comparison("GET /api/orgs/{id}", "one point read of the org's row", app, pointRead),
            new Comparison("GET /api/orgs/{id}", "the route's own 5 point reads, done raw", app, sameReads),
        ];
    }

    /// <summary>Paging through GET /api/orgs/{id}/descendants against paging through the raw range query, same page size.</summary>
    public async Task<Comparison> ListSubtreeAsync(int pageSize, int warmup, int samples, CancellationToken cancellationToken)
    {
        var expected = await RangeQueryAsync(pageSize, cancellationToken);
        var listed = await ListViaAppAsync(pageSize, cancellationToken);
        if (expected.Count != tree.SubtreeSize || !expected.SequenceEqual(listed))
        {
            throw new InvalidOperationException(
                $"The app listed {listed.Count} orgs and the range query {expected.Count}; both should be the same {tree.SubtreeSize}, in the same order.");
        }

        var comparison = new Comparison($"list a {tree.SubtreeSize:N0}-org subtree, {pageSize}/page",
            "the same range query, paged the same", new Latencies(), new Latencies());
        for (var i = -warmup; i < samples; i++)
        {
            var (appSide, rawSide) = i < 0 ? (new Latencies(), new Latencies()) : (comparison.App, comparison.Raw);
            Func<Task<int>> viaApp = async () => (await appSide.TimeAsync(() => ListViaAppAsync(pageSize, cancellationToken))).Count;
            Func<Task<int>> raw = async () => (await rawSide.TimeAsync(() => RangeQueryAsync(pageSize, cancellationToken))).Count;
            await (i % 2 == 0 ? Sequence(viaApp, raw) : Sequence(raw, viaApp));
        }
        return comparison;
    }

    private static async Task Sequence(Func<Task<int>> first, Func<Task<int>> second)
    {
        await first();
        await second();
    }

    private async Task<int> GetViaAppAsync(Org org, CancellationToken cancellationToken)
    {
        using var request = Get($"api/orgs/{org.Id.Value}");
        using var response = await app.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode ? body.Length : throw new InvalidOperationException($"GET org answered {(int)response.StatusCode}.");
    }

    private async Task<int> PointReadAsync(Org org, CancellationToken cancellationToken)
    {
        var row = await orgs.GetEntityAsync<TableEntity>(_partition, RowKeys.Org(org.Path), cancellationToken: cancellationToken);
        return row.Value.Count;
    }

    private async Task<int> RoutesReadsAsync(Org org, CancellationToken cancellationToken)
    {
        // What RequestAuthenticator and OrgStore read for one GET, in the same order (lastUsedAt writes aside).
        var root = tree.Orgs[0];
        var keyIndex = await index.GetEntityAsync<TableEntity>(IndexKeys.ApiKey(apiKeyId), IndexKeys.RowKey, cancellationToken: cancellationToken);
        var key = await orgs.GetEntityAsync<TableEntity>(_partition, RowKeys.Key(root.Id, apiKeyId), cancellationToken: cancellationToken);
        var role = await orgs.GetEntityAsync<TableEntity>(_partition, RowKeys.Role(root.Id, key.Value.GetString("RoleId")),
            cancellationToken: cancellationToken);
        var orgIndex = await index.GetEntityAsync<TableEntity>(IndexKeys.Org(org.Id), IndexKeys.RowKey, cancellationToken: cancellationToken);
        var row = await orgs.GetEntityAsync<TableEntity>(_partition, RowKeys.Org(org.Path), cancellationToken: cancellationToken);
        return keyIndex.Value.Count + role.Value.Count + orgIndex.Value.Count + row.Value.Count;
    }

    private async Task<List<string>> ListViaAppAsync(int pageSize, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var query = $"api/orgs/{tree.Region.Id.Value}/descendants?maxPerPage={pageSize}" +
                        (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            using var request = Get(query);
            using var response = await app.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Listing answered {(int)response.StatusCode}.");
            }
            using var page = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            ids.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()!));
            token = page.RootElement.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return ids;
    }

    private async Task<List<string>> RangeQueryAsync(int pageSize, CancellationToken cancellationToken)
    {
        var region = tree.Region.Path;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {_partition} and RowKey gt {RowKeys.Org(region)} and RowKey lt {RowKeys.OrgSubtreeEnd(region)} and Status ne {nameof(OrgStatus.Deleted)}");
        var ids = new List<string>();
        await foreach (var page in orgs.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(null, pageSize))
        {
            ids.AddRange(page.Values.Select(row => row.GetString("OrgId")));
        }
        return ids;
    }

    private HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return request;
    }
}
