using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Storage;

namespace OrgFunctions.FileDrops;

/// <summary>An import as <c>GET /api/orgs/{orgId}/imports</c> lists it: newest first, with its report once finished.</summary>
public sealed record ImportView(string ImportId, string File, string Kind, string Status, DateTimeOffset ReceivedAt, ImportReport? Report);

/// <summary>Past file drops of an org with their reports (<c>reports.read</c>).</summary>
public sealed class ImportsService(OrgDataTables tables)
{
    public static readonly PageLimits Paging = new(DefaultSize: 50, MaxSize: 200);

    public async Task<Outcome<ListPage<ImportView>>> ListAsync(OrgScope scope, PageRequest request,
        CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await foreach (var page in tables.Imports.QueryAsync<ImportEntity>(ImportRows.ListFilter(scope.Org.Org.Id.Value), request.Size,
                           cancellationToken: cancellationToken).AsPages(request.StorageToken, request.Size))
        {
            return new ListPage<ImportView>(page.Values.Select(r => new ImportView(r.RowKey[20..], r.File!, r.Kind!, r.Status!,
                r.ReceivedAt ?? default, ImportRows.ReadReport(r))).ToList(), page.ContinuationToken);
        }
        return new ListPage<ImportView>([], null);
    }
}
