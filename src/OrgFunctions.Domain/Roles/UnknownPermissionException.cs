namespace OrgFunctions.Domain.Roles;

public sealed class UnknownPermissionException(IReadOnlyList<string> permissions)
    : DomainException("Unknown permission(s): " + string.Join(", ", permissions) + ".")
{
    public IReadOnlyList<string> Permissions { get; } = permissions;
}
