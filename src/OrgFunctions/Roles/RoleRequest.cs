using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;

namespace OrgFunctions.Roles;

/// <summary><c>{ name, permissions: [...] }</c> for creating or replacing a role.</summary>
public sealed record RoleRequest(RoleName Name, IReadOnlyList<string> Permissions)
{
    public static RoleRequest? Read(JsonObjectReader body)
    {
        var name = body.String("name", required: true, minLength: 1, maxLength: RoleName.MaxLength);
        var permissions = body.StringArray("permissions", required: true, maxItems: 100);
        body.RejectUnknownFields();

        if (permissions is not null)
        {
            for (var i = 0; i < permissions.Count; i++)
            {
                if (!Permission.IsKnown(permissions[i]))
                {
                    body.Errors.Add($"permissions[{i}]", $"'{permissions[i]}' is not a permission");
                }
            }
        }
        RoleName? roleName = null;
        if (name is not null && !RoleName.TryCreate(name, out roleName, out var error))
        {
            body.Errors.Add("name", error);
        }
        return body.Errors.Any ? null : new RoleRequest(roleName!, permissions!);
    }
}
