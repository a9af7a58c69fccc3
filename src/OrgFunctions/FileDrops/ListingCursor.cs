using Azure.Data.Tables;
using OrgFunctions.Storage;

namespace OrgFunctions.FileDrops;

/// <summary>
/// A place in a listing: the service's marker of a page (null: the beginning) and, for a run that stopped inside that
/// page, the last name it looked at there.
/// </summary>
public sealed record ListingPosition(string? Marker, string? After)
{
    public static readonly ListingPosition Start = new(null, null);
}

/// <summary>
/// Where the last run stopped: in the listing of the org homes (containers of the prefix), and, when it stopped inside a
/// home, that home's name and the place in its own listing. Every other home is listed from its beginning.
/// </summary>
public sealed record HomesPosition(ListingPosition Homes, string? Home, ListingPosition InHome)
{
    public static readonly HomesPosition Start = new(ListingPosition.Start, null, ListingPosition.Start);

    public ListingPosition StartOf(string home) => home == Home ? InHome : ListingPosition.Start;
}

/// <summary>
/// Where the last run stopped listing the org homes, so that each run goes on from there and wraps at the end. Without it
/// every run would list from the start: once the first homes held more processed and failed files than a run may list,
/// the inboxes after them would never be reached, and files that can't be finished (leased elsewhere, failing) would
/// fill every run. One row (one point read per run), in the Imports table, in a partition no org id can have.
/// </summary>
public sealed class ListingCursor(OrgDataTables tables)
{
    public const string Partition = "_file-drops";

    public async Task<HomesPosition> ReadAsync(string prefix, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var row = await tables.Imports.GetEntityIfExistsAsync<ListingCursorEntity>(Partition, Key(prefix), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return HomesPosition.Start;
        }
        var value = row.Value!;
        return new HomesPosition(
            new ListingPosition(NullIfEmpty(value.Marker), NullIfEmpty(value.After)),
            NullIfEmpty(value.Home),
            new ListingPosition(NullIfEmpty(value.HomeMarker), NullIfEmpty(value.HomeAfter)));
    }

    /// <summary>Two runs at once may both save; either position is a fine place to go on from.</summary>
    public Task SaveAsync(string prefix, HomesPosition position, CancellationToken cancellationToken) =>
        tables.Imports.UpsertEntityAsync(new ListingCursorEntity
        {
            PartitionKey = Partition,
            RowKey = Key(prefix),
            Marker = position.Homes.Marker ?? "",
            After = position.Homes.After ?? "",
            Home = position.Home ?? "",
            HomeMarker = position.InHome.Marker ?? "",
            HomeAfter = position.InHome.After ?? "",
        }, TableUpdateMode.Replace, cancellationToken);

    private static string Key(string prefix) => "homes:" + prefix;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>The saved position of <see cref="ListingCursor"/>; an empty string stands for "none".</summary>
public sealed class ListingCursorEntity : TableRow
{
    public string? Marker { get; set; }
    public string? After { get; set; }
    public string? Home { get; set; }
    public string? HomeMarker { get; set; }
    public string? HomeAfter { get; set; }
}

/// <summary>The record that an unaddressable inbox file was reported as an import, so later runs pass it over.</summary>
public sealed class PassedOverFileEntity : TableRow
{
    public string ImportId { get; set; } = "";
    public DateTimeOffset? RecordedAt { get; set; }
}
