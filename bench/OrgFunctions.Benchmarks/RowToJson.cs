using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Application;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;

namespace OrgFunctions.Benchmarks;

/// <summary>
/// The app's own work per org on a 1,000-org listing page, in process and without storage: its rows (as the table
/// client hands them over) mapped to views and written as the page's JSON, the way the HTTP edge writes it, against
/// writing the same views' JSON alone. The ratio is what mapping costs over the JSON writing any answer needs.
/// </summary>
public sealed class RowToJson(IReadOnlyList<OrgEntity> rows, JsonSerializerOptions json)
{
    /// <summary>The subtree's rows in one query, every column (what the mapping ignores costs it nothing).</summary>
    public static async Task<RowToJson> ReadAsync(TableClient orgs, OrgPath subtree, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var rows = new List<OrgEntity>();
        await foreach (var row in orgs.QueryAsync<OrgEntity>(OrgStore.SubtreeFilter(subtree), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return new RowToJson(rows, json);
    }

    public int Rows => rows.Count;

    public async Task<Comparison> MeasureAsync(int warmup, int samples)
    {
        var views = rows.Select(OrgView.From).ToList();
        var (app, raw) = await Measurements.RoundsAsync(warmup, samples, () => { },
            () => Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(new ListPage<OrgView>(rows.Select(OrgView.From).ToList(), null), json).Length),
            () => Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(new ListPage<OrgView>(views, null), json).Length));
        return new Comparison($"{rows.Count:N0} rows → a listing page's JSON, in process", "writing the same views' JSON alone", app, raw);
    }
}
