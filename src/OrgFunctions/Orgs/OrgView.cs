namespace OrgFunctions.Orgs;

/// <summary>An org as the API shows it.</summary>
public sealed record OrgView(string Id, string? ParentId, string Name, string? Description, string Status, int Depth,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OrgView From(OrgRecord record) => new(
        record.Org.Id.Value, record.Org.ParentId?.Value, record.Org.Name.Value, record.Org.Description,
        record.Org.Status.ToString().ToLowerInvariant(), record.Org.Path.Depth, record.Org.CreatedAt, record.UpdatedAt);
}
