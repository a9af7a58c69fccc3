using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Benchmarks;

/// <summary>
/// The measured comparisons: the app's route against a raw baseline on the same rows, measured in rounds in the same run.
/// </summary>
public sealed class Measurements(HttpClient app, string apiKey, TableClient orgs, BenchmarkTree tree)
{
    // The columns the app's listing selects (an org's view): the raw side asks for the same ones, so the ratio is the
    // app's own work over the same query, not a difference in what was fetched. Written out here, not taken from the
    // app, so that a change in what the app fetches shows.
    private static readonly string[] ViewColumns = ["OrgId", "ParentId", "Name", "Description", "Status", "Depth", "CreatedAt", "UpdatedAt"];

    private readonly string _partition = tree.Orgs[0].Path.RootId.Value;

    /// <summary>
    /// GET /api/orgs/{id} against one point read of the same org's row (issue 18's first row). Warm-up rounds first, on
    /// the same random orgs as the measured ones, so whatever the app caches is as warm as in steady use.
    /// </summary>
    public async Task<Comparison> GetOrgAsync(int warmup, int samples, CancellationToken cancellationToken)
    {
        var random = new Random(4);
        var targets = Enumerable.Range(0, warmup + samples).Select(_ => tree.Orgs[random.Next(tree.Orgs.Count)]).ToArray();
        // Warm means the app has seen each org once: its location (id → path, which never changes) is then cached for
        // good, so a GET is the org's row alone. A first visit also reads the org's index row (a one-row partition).
        foreach (var seen in targets.Distinct())
        {
            await GetViaAppAsync(seen, cancellationToken);
        }
        var next = 0;
        Org org = targets[0];
        var (app, pointRead) = await RoundsAsync(warmup, samples,
            () => org = targets[next++],
            () => GetViaAppAsync(org, cancellationToken),
            () => PointReadAsync(org, cancellationToken));
        return new Comparison("GET /api/orgs/{id}", "one point read of the org's row", app, pointRead);
    }

    /// <summary>
    /// GET /api/orgs/{id} from <paramref name="concurrency"/> clients at once against raw point reads of the same orgs'
    /// rows at the same concurrency: requests per second, round by round, the two sides back to back in alternating order.
    /// </summary>
    public async Task<ThroughputComparison> ConcurrentGetOrgAsync(int concurrency, int callsPerRound, int rounds, CancellationToken cancellationToken)
    {
        var random = new Random(5);
        var targets = Enumerable.Range(0, callsPerRound).Select(_ => tree.Orgs[random.Next(tree.Orgs.Count)]).ToArray();
        var (app, raw) = (new Throughput(), new Throughput());
        Func<Task>[] sides =
        [
            () => app.RoundAsync(concurrency, callsPerRound, i => GetViaAppAsync(targets[i], cancellationToken)),
            () => raw.RoundAsync(concurrency, callsPerRound, i => PointReadAsync(targets[i], cancellationToken)),
        ];
        // One unmeasured round of each side first: connection pools fill, code is jitted, and the app has seen each org
        // (its location cached, as in GetOrgAsync).
        await new Throughput().RoundAsync(concurrency, callsPerRound, i => GetViaAppAsync(targets[i], cancellationToken));
        await new Throughput().RoundAsync(concurrency, Math.Min(callsPerRound, 4 * concurrency), i => PointReadAsync(targets[i], cancellationToken));
        for (var round = 0; round < rounds; round++)
        {
            await sides[round % 2]();
            await sides[(round + 1) % 2]();
        }
        return new ThroughputComparison($"GET /api/orgs/{{id}}, {concurrency} concurrent clients", "one point read of the org's row, same concurrency",
            concurrency, callsPerRound, app, raw);
    }

    /// <summary>
    /// Paging through GET /api/orgs/{id}/descendants against paging through the same raw range query (same filter, same
    /// columns, same page size), one page per round trip as the route pages (issue 18's second and third rows).
    /// </summary>
    public async Task<Comparison> ListSubtreeAsync(int pageSize, int warmup, int samples, CancellationToken cancellationToken)
    {
        var expected = await RangeQueryAsync(pageSize, cancellationToken);
        var listed = await ListViaAppAsync(pageSize, cancellationToken);
        if (expected.Count != tree.SubtreeSize || !expected.SequenceEqual(listed))
        {
            throw new InvalidOperationException(
                $"The app listed {listed.Count} orgs and the range query {expected.Count}; both should be the same {tree.SubtreeSize}, in the same order.");
        }

        var (app, query) = await RoundsAsync(warmup, samples, () => { },
            async () => (await ListViaAppAsync(pageSize, cancellationToken)).Count,
            async () => (await RangeQueryAsync(pageSize, cancellationToken)).Count);
        return new Comparison($"list a {tree.SubtreeSize:N0}-org subtree, {pageSize}/page", "the same range query, paged the same", app, query);
    }

    /// <summary>
    /// Warm-up rounds, then measured rounds; each round times the two sides back to back on the same rows, alternating
    /// which goes first, so both sides see the same Azurite, the same partition and the same machine load.
    /// </summary>
    internal static async Task<(Latencies App, Latencies Raw)> RoundsAsync(int warmup, int samples, Action next,
        Func<Task<int>> viaApp, Func<Task<int>> raw)
    {
        Latencies[] measured = [new(), new()];
        Func<Task<int>>[] sides = [viaApp, raw];
        for (var i = -warmup; i < samples; i++)
        {
            next();
            var first = ((i % sides.Length) + sides.Length) % sides.Length;
            for (var s = 0; s < sides.Length; s++)
            {
                var side = (first + s) % sides.Length;
                await (i < 0 ? new Latencies() : measured[side]).TimeAsync(sides[side]);
            }
        }
        return (measured[0], measured[1]);
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

    /// <summary>The route's query, raw: the subtree's range, live orgs only, the columns an org's view shows.</summary>
    private async Task<List<string>> RangeQueryAsync(int pageSize, CancellationToken cancellationToken)
    {
        var region = tree.Region.Path;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {_partition} and RowKey gt {RowKeys.Org(region)} and RowKey lt {RowKeys.OrgSubtreeEnd(region)} and Status ne {nameof(OrgStatus.Deleted)}");
        var ids = new List<string>();
        string? token = null;
        do
        {
            // One page per round trip, resumed from its token, as the route pages.
            string? next = null;
            await foreach (var page in orgs.QueryAsync<TableEntity>(filter, pageSize, ViewColumns, cancellationToken).AsPages(token, pageSize))
            {
                ids.AddRange(page.Values.Select(row => row.GetString("OrgId")));
                next = page.ContinuationToken;
                break;
            }
            token = next;
        }
        while (token is not null);
        return ids;
    }

    private HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return request;
    }
}
