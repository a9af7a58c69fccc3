using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Orgs;

/// <summary>An org as the API shows it.</summary>
public sealed record OrgView(string Id, string? ParentId, string Name, string? Description, string Status, int Depth,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The columns of an org's row that <see cref="From(OrgEntity)"/> reads: all a listing asks storage for.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        nameof(OrgEntity.OrgId), nameof(OrgEntity.ParentId), nameof(OrgEntity.Name), nameof(OrgEntity.Description),
        nameof(OrgEntity.Status), nameof(OrgEntity.Depth), nameof(OrgEntity.CreatedAt), nameof(OrgEntity.UpdatedAt),
    ];

    // The API's spelling of each status, made once rather than lower-cased per org.
    private static readonly Dictionary<string, string> StatusNames =
        Enum.GetValues<OrgStatus>().ToDictionary(s => s.ToString(), s => s.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public static OrgView From(OrgRecord record) => new(
        record.Org.Id.Value, record.Org.ParentId?.Value, record.Org.Name.Value, record.Org.Description,
        StatusNames[record.Org.Status.ToString()], record.Org.Path.Depth, record.Org.CreatedAt, record.UpdatedAt);

    /// <summary>
    /// The same view straight from the row's columns (<see cref="Columns"/>), for listings: a page of 1,000 orgs shows
    /// neither settings nor anything the domain would check, so it doesn't restore an <see cref="Org"/> per row or parse
    /// its settings JSON. <c>OrgViewTests</c> holds the two forms equal.
    /// </summary>
    public static OrgView From(OrgEntity row) => new(
        row.OrgId, row.ParentId, row.Name, row.Description,
        StatusNames.TryGetValue(row.Status, out var status) ? status : throw new FormatException($"Org {row.OrgId} has an unknown status '{row.Status}'."),
        row.Depth, row.CreatedAt, row.UpdatedAt);
}
