using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Text;
using OrgFunctions.Http;

namespace OrgFunctions.Orgs;

/// <summary><c>PATCH /orgs/{id}</c>: the fields present change; <c>description: null</c> clears it.</summary>
public sealed record OrgPatch(OrgName? Name, bool HasDescription, string? Description)
{
    public static OrgPatch? Read(JsonObjectReader body)
    {
        var name = body.String("name", minLength: 1, maxLength: OrgName.MaxLength);
        // Not Properties(): that marks every field known, and unknown fields would pass unnamed (and be ignored).
        var hasDescription = body.Has("description");
        var description = body.Text("description", TextLines.Multiple, maxLength: Org.MaxDescriptionLength);
        body.RejectUnknownFields();

        OrgName? orgName = null;
        if (name is not null && !OrgName.TryCreate(name, out orgName, out var error))
        {
            body.Errors.Add("name", error);
        }
        return body.Errors.Any ? null : new OrgPatch(orgName, hasDescription, description);
    }
}
