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
    public static RoleEntity Create(OrgPath orgPath, Role role) => new()
    {
        PartitionKey = orgPath.RootId.Value,
        RowKey = RowKeys.Role(orgPath.OrgId, role.Id),
        OrgId = orgPath.OrgId.Value,
        RoleId = role.Id,
        Name = role.Name.Value,
        Permissions = string.Join(' ', role.Permissions),
        IsSystem = role.IsSystem,
    };

    public static RoleRecord Read(RoleEntity row) => new(
        OrgId.Parse(row.OrgId),
        Role.Restore(row.RoleId, row.Name, row.Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries), row.IsSystem ?? false),
        row.ETag);

    /// <summary>The reservation of <paramref name="rowKey"/> (a <see cref="RowKeys.RoleName"/>) for the role <paramref name="roleId"/>.</summary>
    public static RoleNameEntity NameReservation(string partition, string rowKey, string roleId) =>
        new() { PartitionKey = partition, RowKey = rowKey, RoleId = roleId };
}
