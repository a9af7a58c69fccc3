using OrgFunctions.Domain.ApiKeys;
using OrgFunctions.Http;

namespace OrgFunctions.ApiKeys;

/// <summary><c>{ name, roleId }</c>: a key acting in the org with that role.</summary>
public sealed record ApiKeyRequest(string Name, string RoleId)
{
    public static ApiKeyRequest? Read(JsonObjectReader body)
    {
        var name = body.Text("name", required: true, minLength: 1, maxLength: ApiKey.MaxNameLength);
        var roleId = body.String("roleId", required: true, minLength: 1, maxLength: 64);
        body.RejectUnknownFields();
        return body.Errors.Any ? null : new ApiKeyRequest(name!.Trim(), roleId!);
    }
}
