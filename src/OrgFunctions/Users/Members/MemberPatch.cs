using OrgFunctions.Domain.Users;
using OrgFunctions.Http;

namespace OrgFunctions.Users.Members;

/// <summary><c>PATCH /orgs/{orgId}/users/{userId}</c>: <c>{ roleId?, status?: "active" | "suspended" }</c>; a field left out stays as it is.</summary>
public sealed record MemberPatch(string? RoleId, MembershipStatus? Status)
{
    public static MemberPatch? Read(JsonObjectReader body)
    {
        var roleId = body.String("roleId", minLength: 1, maxLength: 64);
        var status = body.String("status");
        body.RejectUnknownFields();

        MembershipStatus? parsed = status switch
        {
            null => null,
            "active" => MembershipStatus.Active,
            "suspended" => MembershipStatus.Suspended,
            _ => Invalid(body, "status", "must be active or suspended"),
        };
        return body.Errors.Any ? null : new MemberPatch(roleId, parsed);
    }

    private static MembershipStatus? Invalid(JsonObjectReader body, string field, string reason)
    {
        body.Errors.Add(field, reason);
        return null;
    }
}
