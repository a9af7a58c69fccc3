using OrgFunctions.Storage;

namespace OrgFunctions.Orgs;

/// <summary>An org's row in its tree's partition (RowKey <c>org:{path}</c>); <see cref="OrgRow"/> maps it to and from the domain.</summary>
public sealed class OrgEntity : TableRow
{
    public string Kind { get; set; } = "org";
    public string OrgId { get; set; } = "";
    public string Path { get; set; } = "";
    public string? ParentId { get; set; }
    public int Depth { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The org's effective settings as JSON (<see cref="SettingsJson"/>).</summary>
    public string Settings { get; set; } = "";
}

/// <summary>Reserves an org's name in its tree (RowKey <c>name:…</c>), written and deleted with the org row.</summary>
public sealed class OrgNameEntity : TableRow
{
    public string Kind { get; set; } = "name";

    /// <summary>The holder (<see cref="NameReservations.OrgHolder"/>).</summary>
    public string OrgId { get; set; } = "";
}
