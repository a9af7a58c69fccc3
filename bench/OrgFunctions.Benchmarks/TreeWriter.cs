using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Benchmarks;

/// <summary>A written tree: every org (root first) and the region whose subtree is listed.</summary>
public sealed record BenchmarkTree(IReadOnlyList<Org> Orgs, Org Region, int SubtreeSize);

/// <summary>
/// Writes a tree straight to storage, as provisioning would leave it: each org's row and name reservation in the
/// tree's partition, in transactions of at most 100 actions, and its index row. (Per-org system roles are left out:
/// neither measured route reads a target org's roles, and they would only make Azurite's partition scans longer.)
/// </summary>
public sealed class TreeWriter(OrgTables tables)
{
    private const int MaxActionsPerTransaction = 100;
    private const int ParallelIndexWrites = 16;

    public async Task<BenchmarkTree> WriteAsync(OrgRecord root, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var orgs = new List<(Org Org, OrgSettings Settings)> { (root.Org, root.Settings) };
        Org? firstRegion = null;
        var number = 0;
        (Org, OrgSettings) Add((Org Org, OrgSettings Settings) parent)
        {
            var org = Org.CreateChild(parent.Org, OrgId.New(), OrgName.Create($"Org {++number:D5}"), null, now);
            org.Activate();
            var entry = (org, OrgSettings.ForChildOf(parent.Settings, parent.Org.Id));
            orgs.Add(entry);
            return entry;
        }

        while (orgs.Count < options.TreeSize)
        {
            var region = Add(orgs[0]);
            firstRegion ??= region.Item1;
            for (var a = 0; a < options.AreasPerRegion && orgs.Count < options.TreeSize; a++)
            {
                var area = Add(region);
                for (var l = 0; l < options.LeavesPerArea && orgs.Count < options.TreeSize; l++)
                {
                    Add(area);
                }
            }
        }

        var created = orgs.Skip(1).ToList();
        var rows = created.SelectMany(o => new ITableEntity[] { OrgRow.Create(o.Org, o.Settings, now), OrgRow.NameReservation(o.Org) });
        foreach (var chunk in rows.Chunk(MaxActionsPerTransaction))
        {
            await tables.Orgs.SubmitTransactionAsync(
                chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), cancellationToken);
        }
        // Each index row is its own partition (one per org id), so these can't be batched: write them concurrently.
        await Parallel.ForEachAsync(created, new ParallelOptions { MaxDegreeOfParallelism = ParallelIndexWrites, CancellationToken = cancellationToken },
            async (o, ct) => await tables.Index.UpsertEntityAsync(OrgRow.Index(o.Org), TableUpdateMode.Replace, ct));

        return new BenchmarkTree(orgs.Select(o => o.Org).ToList(), firstRegion!, options.SubtreeSize);
    }
}
