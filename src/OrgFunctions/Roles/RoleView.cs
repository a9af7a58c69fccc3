namespace OrgFunctions.Roles;

public sealed record RoleView(string Id, string Name, IReadOnlyList<string> Permissions, bool IsSystem)
{
    public static RoleView From(RoleRecord record) =>
        new(record.Role.Id, record.Role.Name.Value, record.Role.Permissions.ToList(), record.Role.IsSystem);
}
