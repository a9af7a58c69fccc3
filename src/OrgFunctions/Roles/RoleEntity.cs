using OrgFunctions.Storage;

namespace OrgFunctions.Roles;

/// <summary>A role's row in its tree's partition (RowKey <c>role:{orgId}:{roleId}</c>); <see cref="RoleRow"/> maps it.</summary>
public sealed class RoleEntity : TableRow
{
    public string Kind { get; set; } = "role";
    public string OrgId { get; set; } = "";
    public string RoleId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The role's permissions, space-separated.</summary>
    public string Permissions { get; set; } = "";
    public bool? IsSystem { get; set; }
}

/// <summary>Reserves a custom role's name in its org (RowKey <c>rname:{orgId}:…</c>), written with the role.</summary>
public sealed class RoleNameEntity : TableRow
{
    public string Kind { get; set; } = "rolename";

    /// <summary>The holder (<see cref="NameReservations.RoleHolder"/>).</summary>
    public string RoleId { get; set; } = "";
}
