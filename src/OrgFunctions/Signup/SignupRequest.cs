using System.Net.Mail;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Text;
using OrgFunctions.Http;

namespace OrgFunctions.Signup;

public sealed record SignupRequest(OrgName OrgName, string OwnerEmail, string OwnerDisplayName)
{
    /// <summary>Reads <c>{ orgName, owner: { email, displayName } }</c>, naming every invalid field.</summary>
    public static SignupRequest? Read(JsonObjectReader body)
    {
        var orgName = body.String("orgName", required: true, minLength: 1, maxLength: OrgName.MaxLength);
        var owner = body.Object("owner", required: true);
        var email = owner?.String("email", required: true, minLength: 3, maxLength: 254);
        var displayName = owner?.Text("displayName", required: true, minLength: 1, maxLength: 100);
        owner?.RejectUnknownFields();
        body.RejectUnknownFields();

        if (email is not null && !IsEmail(email))
        {
            body.Errors.Add("owner.email", "must be an email address");
        }
        OrgName? name = null;
        if (orgName is not null && !OrgName.TryCreate(orgName, out name, out var error))
        {
            body.Errors.Add("orgName", error);
        }
        return body.Errors.Any ? null : new SignupRequest(name!, email!.Trim().ToLowerInvariant(), TextPolicy.Normalise(displayName!));
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.');
}
