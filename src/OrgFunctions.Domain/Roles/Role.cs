namespace OrgFunctions.Domain.Roles;

/// <summary>
/// A named set of permissions in one org. System roles exist in every org, keep their names and permissions,
/// and can't be deleted; custom roles can be renamed, regranted, and deleted when no one uses them.
/// </summary>
public sealed class Role
{
    private Role(string id, RoleName name, IReadOnlySet<string> permissions, bool isSystem)
    {
        Id = id;
        Name = name;
        Permissions = permissions;
        IsSystem = isSystem;
    }

    public string Id { get; }
    public RoleName Name { get; private set; }
    public IReadOnlySet<string> Permissions { get; private set; }
    public bool IsSystem { get; }

    public static Role Custom(string id, RoleName name, IEnumerable<string> permissions) =>
        new(id, name, ValidPermissions(permissions), isSystem: false);

    internal static Role System(string id, string name, IEnumerable<string> permissions) =>
        new(id, RoleName.Create(name), ValidPermissions(permissions), isSystem: true);

    /// <summary>Rebuilds a role read back from storage.</summary>
    public static Role Restore(string id, string name, IEnumerable<string> permissions, bool isSystem) =>
        new(id, RoleName.Restore(name), ValidPermissions(permissions), isSystem);

    public bool Grants(string permission) => Permissions.Contains(permission);

    public void Change(RoleName name, IEnumerable<string> permissions)
    {
        if (IsSystem)
        {
            throw new DomainException($"The system role {Name} can't be changed.");
        }
        Permissions = ValidPermissions(permissions);
        Name = name;
    }

    public void EnsureCanDelete(bool inUse)
    {
        if (IsSystem)
        {
            throw new DomainException($"The system role {Name} can't be deleted.");
        }
        if (inUse)
        {
            throw new DomainException($"The role {Name} is in use and can't be deleted.");
        }
    }

    private static IReadOnlySet<string> ValidPermissions(IEnumerable<string> permissions)
    {
        var set = new SortedSet<string>(permissions, StringComparer.Ordinal);
        var unknown = set.Where(p => !Permission.IsKnown(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownPermissionException(unknown);
        }
        return set;
    }
}
