using System.Net.Mail;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Text;
using OrgFunctions.Domain.Users;
using OrgFunctions.Http;

namespace OrgFunctions.Signup;

/// <summary>
/// A sign-up. <see cref="OwnerPassword"/> becomes a new owner account's password; without it a new account is emailed a
/// link to set one. An existing account reused as owner keeps its own password: one sent here is ignored (ADR 0019).
/// </summary>
public sealed record SignupRequest(OrgName OrgName, string OwnerEmail, string OwnerDisplayName, string? OwnerPassword = null)
{
    /// <summary>Reads <c>{ orgName, owner: { email, displayName, password? } }</c>, naming every invalid field.</summary>
    public static SignupRequest? Read(JsonObjectReader body)
    {
        var orgName = body.String("orgName", required: true, minLength: 1, maxLength: OrgName.MaxLength);
        var owner = body.Object("owner", required: true);
        var email = owner?.String("email", required: true, minLength: 3, maxLength: 254);
        var displayName = owner?.Text("displayName", required: true, minLength: 1, maxLength: 100);
        var password = owner?.String("password");
        owner?.RejectUnknownFields();
        body.RejectUnknownFields();

        if (email is not null && !IsEmail(email))
        {
            body.Errors.Add("owner.email", "must be an email address");
        }
        if (password is not null && PasswordPolicy.Problem(password, EmailAddress.TryCreate(email, out var address, out _) ? address : null) is { } weak)
        {
            body.Errors.Add("owner.password", weak);
        }
        OrgName? name = null;
        if (orgName is not null && !OrgName.TryCreate(orgName, out name, out var error))
        {
            body.Errors.Add("orgName", error);
        }
        return body.Errors.Any ? null : new SignupRequest(name!, email!.Trim().ToLowerInvariant(), TextPolicy.Normalise(displayName!), password);
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.');
}
