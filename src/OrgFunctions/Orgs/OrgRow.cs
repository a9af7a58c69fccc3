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
    public static TableEntity Create(Org org, OrgSettings settings, DateTimeOffset updatedAt) =>
        new(org.Path.RootId.Value, RowKeys.Org(org.Path))
        {
            ["Kind"] = "org",
            ["OrgId"] = org.Id.Value,
            ["Path"] = org.Path.Value,
            ["ParentId"] = org.ParentId?.Value,
            ["Depth"] = org.Path.Depth,
            ["Name"] = org.Name.Value,
            ["Description"] = org.Description,
            ["Status"] = org.Status.ToString(),
            ["CreatedAt"] = org.CreatedAt,
            ["UpdatedAt"] = updatedAt,
            ["Settings"] = SettingsJson.Write(settings),
        };

    public static OrgRecord Read(TableEntity row)
    {
        var org = Org.Restore(
            OrgPath.Parse(row.GetString("Path")),
            OrgName.Restore(row.GetString("Name")),
            row.GetString("Description"),
            Enum.Parse<OrgStatus>(row.GetString("Status")),
            row.GetDateTimeOffset("CreatedAt")!.Value);
        return new OrgRecord(org, SettingsJson.Read(row.GetString("Settings")), row.GetDateTimeOffset("UpdatedAt")!.Value, row.ETag);
    }

    /// <summary>The row for a name reservation, written and deleted together with the org row.</summary>
    public static TableEntity NameReservation(Org org) => new(org.Path.RootId.Value, RowKeys.Name(org.Name))
    {
        ["Kind"] = "name",
        ["OrgId"] = org.Id.Value,
    };

    /// <summary>The index row that locates an org by id.</summary>
    public static TableEntity Index(Org org) => new(IndexKeys.Org(org.Id), IndexKeys.RowKey)
    {
        ["RootId"] = org.Path.RootId.Value,
        ["Path"] = org.Path.Value,
    };
}
