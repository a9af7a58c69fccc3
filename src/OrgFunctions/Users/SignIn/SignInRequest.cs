using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Users;
using OrgFunctions.Http;

namespace OrgFunctions.Users.SignIn;

/// <summary>
/// <c>{ email, password, orgId }</c>. The password is only bounded here (at most <see cref="PasswordPolicy.MaxLength"/>):
/// the rules for a new password don't apply to one being checked, or changing them would lock people out.
/// </summary>
public sealed record SignInRequest(EmailAddress Email, string Password, OrgId OrgId)
{
    /// <summary>Reads the body, naming every invalid field.</summary>
    public static SignInRequest? Read(JsonObjectReader body)
    {
        var email = body.String("email", required: true);
        var password = body.String("password", required: true);
        var orgId = body.String("orgId", required: true);
        body.RejectUnknownFields();

        EmailAddress? address = null;
        if (email is not null && !EmailAddress.TryCreate(email, out address, out var emailError))
        {
            body.Errors.Add("email", emailError);
        }
        if (password is not null && PasswordProblem(password) is { } passwordError)
        {
            body.Errors.Add("password", passwordError);
        }
        var id = default(OrgId);
        if (orgId is not null && !OrgId.TryParse(orgId, out id))
        {
            body.Errors.Add("orgId", "must be an org id");
        }
        return body.Errors.Any ? null : new SignInRequest(address!, password!, id);
    }

    private static string? PasswordProblem(string password)
    {
        if (password.Length == 0)
        {
            return "is required";
        }
        // A rune is at most two chars: a longer text can't be 128 characters, and isn't worth normalising.
        if (password.Length > 2 * PasswordPolicy.MaxLength)
        {
            return $"must be at most {PasswordPolicy.MaxLength} characters";
        }
        try
        {
            return PasswordPolicy.Normalise(password).EnumerateRunes().Count() > PasswordPolicy.MaxLength
                ? $"must be at most {PasswordPolicy.MaxLength} characters"
                : null;
        }
        catch (ArgumentException)
        {
            // Normalisation refuses an unpaired surrogate (JSON can escape one).
            return "must be valid Unicode text";
        }
    }
}
