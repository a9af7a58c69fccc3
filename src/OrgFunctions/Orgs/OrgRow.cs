using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Storage;

namespace OrgFunctions.Orgs;

/// <summary>An org as read from its row, with the row's ETag for conditional updates.</summary>
public sealed record OrgRecord(Org Org, OrgSettings Settings, DateTimeOffset UpdatedAt, ETag ETag);

/// <summary>Maps an org and its settings to and from its row in the tree's partition.</summary>
public static class OrgRow
{
    public static OrgEntity Create(Org org, OrgSettings settings, DateTimeOffset updatedAt) => new()
    {
        PartitionKey = org.Path.RootId.Value,
        RowKey = RowKeys.Org(org.Path),
        OrgId = org.Id.Value,
        Path = org.Path.Value,
        ParentId = org.ParentId?.Value,
        Depth = org.Path.Depth,
        Name = org.Name.Value,
        Description = org.Description,
        Status = org.Status.ToString(),
        CreatedAt = org.CreatedAt,
        UpdatedAt = updatedAt,
        Settings = SettingsJson.Write(settings),
    };

    public static OrgRecord Read(OrgEntity row)
    {
        var org = Org.Restore(
            OrgPath.Parse(row.Path),
            OrgName.Restore(row.Name),
            row.Description,
            Enum.Parse<OrgStatus>(row.Status),
            row.CreatedAt);
        return new OrgRecord(org, SettingsJson.Read(row.Settings), row.UpdatedAt, row.ETag);
    }

    /// <summary>The row for a name reservation, written and deleted together with the org row.</summary>
    public static OrgNameEntity NameReservation(Org org) => NameReservation(org.Path.RootId.Value, org.Name, org.Id);

    public static OrgNameEntity NameReservation(string partition, OrgName name, OrgId holder) => new()
    {
        PartitionKey = partition,
        RowKey = RowKeys.Name(name),
        OrgId = holder.Value,
    };

    /// <summary>The index row that locates an org by id.</summary>
    public static IndexEntity Index(Org org) => new()
    {
        PartitionKey = IndexKeys.Org(org.Id),
        RowKey = IndexKeys.RowKey,
        RootId = org.Path.RootId.Value,
        Path = org.Path.Value,
    };
}
