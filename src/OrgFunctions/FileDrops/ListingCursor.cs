using Azure.Data.Tables;
using OrgFunctions.Storage;

namespace OrgFunctions.FileDrops;

/// <summary>
/// A place in the listing of the SFTP container: the service's marker of a page (null: the beginning) and, for a run that
/// stopped inside that page, the last blob name it looked at there.
/// </summary>
public sealed record ListingPosition(string? Marker, string? After)
{
    public static readonly ListingPosition Start = new(null, null);
}

/// <summary>
/// Where the last run stopped listing the SFTP container, so that each run goes on from there and wraps at the end.
/// Without it every run would list from the start: once the first orgs' homes held more processed and failed files
/// than a run may list, the inboxes after them would never be reached, and files that can't be finished (leased
/// elsewhere, failing) would fill every run. Kept in the Imports table, in a partition no org id can have.
/// </summary>
public sealed class ListingCursor(OrgDataTables tables)
{
    private const string Partition = "_file-drops";

    public async Task<ListingPosition> ReadAsync(string container, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var row = await tables.Imports.GetEntityIfExistsAsync<TableEntity>(Partition, Key(container), cancellationToken: cancellationToken);
        return row.HasValue
            ? new ListingPosition(NullIfEmpty(row.Value!.GetString("Marker")), NullIfEmpty(row.Value.GetString("After")))
            : ListingPosition.Start;
    }

    /// <summary>Two runs at once may both save; either position is a fine place to go on from.</summary>
    public Task SaveAsync(string container, ListingPosition position, CancellationToken cancellationToken) =>
        tables.Imports.UpsertEntityAsync(new TableEntity(Partition, Key(container))
        {
            ["Marker"] = position.Marker ?? "",
            ["After"] = position.After ?? "",
        }, TableUpdateMode.Replace, cancellationToken);

    private static string Key(string container) => "cursor:" + container;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
