using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Storage;

namespace OrgFunctions.FileDrops;

/// <summary>An import as <c>GET /api/orgs/{orgId}/imports</c> lists it: newest first, with its report once finished.</summary>
public sealed record ImportView(string ImportId, string File, string Kind, string Status, DateTimeOffset ReceivedAt, ImportReport? Report);

/// <summary>Past file drops of an org with their reports (<c>reports.read</c>).</summary>
public sealed class ImportsService(OrgAccess access, OrgDataTables tables)
{
    public const int DefaultPageSize = 50;

    public async Task<Outcome<(IReadOnlyList<ImportView> Items, string? ContinuationToken)>> ListAsync(Caller caller, string orgId,
        int? maxPerPage, string? continuationToken, CancellationToken cancellationToken)
    {
        var org = await access.ResolveAsync(caller, orgId, Permission.ReportsRead, cancellationToken);
        if (org.Failure is { } failure)
        {
            return failure;
        }
        if (maxPerPage is < 1 or > 200)
        {
            return Failure.Field("maxPerPage", "must be from 1 to 200");
        }
        await tables.EnsureCreatedAsync();
        var size = maxPerPage ?? DefaultPageSize;
        await foreach (var page in tables.Imports.QueryAsync<TableEntity>(ImportRows.ListFilter(org.Value!.Org.Id.Value), size,
                           cancellationToken: cancellationToken).AsPages(continuationToken, size))
        {
            return (page.Values.Select(r => new ImportView(r.RowKey[20..], r.GetString("File"), r.GetString("Kind"), r.GetString("Status"),
                r.GetDateTimeOffset("ReceivedAt") ?? default, ImportRows.ReadReport(r))).ToList(), page.ContinuationToken);
        }
        return (Array.Empty<ImportView>(), (string?)null);
    }
}
