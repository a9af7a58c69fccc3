using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Storage;

namespace OrgFunctions.Roles;

public sealed record RoleRecord(OrgId OrgId, Role Role, ETag ETag);

/// <summary>A role as a row of its tree's partition.</summary>
public static class RoleRow
{
    public static TableEntity Create(OrgPath orgPath, Role role) => new(orgPath.RootId.Value, RowKeys.Role(orgPath.OrgId, role.Id))
    {
        ["Kind"] = "role",
        ["OrgId"] = orgPath.OrgId.Value,
        ["RoleId"] = role.Id,
        ["Name"] = role.Name.Value,
        ["Permissions"] = string.Join(' ', role.Permissions),
        ["IsSystem"] = role.IsSystem,
    };

    public static RoleRecord Read(TableEntity row) => new(
        OrgId.Parse(row.GetString("OrgId")),
        Role.Restore(row.GetString("RoleId"), row.GetString("Name"),
            row.GetString("Permissions").Split(' ', StringSplitOptions.RemoveEmptyEntries), row.GetBoolean("IsSystem") ?? false),
        row.ETag);
}
