using OrgFunctions.Domain.Users;
using OrgFunctions.Http;

namespace OrgFunctions.Users.SignIn;

/// <summary><c>{ token, password }</c>: the password is judged by <see cref="PasswordPolicy"/> (its email rule once the token names the user).</summary>
public sealed record SetPasswordRequest(string Token, string Password)
{
    public static SetPasswordRequest? Read(JsonObjectReader body)
    {
        var token = body.String("token", required: true, minLength: 1, maxLength: 200);
        var password = body.String("password", required: true);
        body.RejectUnknownFields();
        if (password is not null && PasswordPolicy.Problem(password, null) is { } problem)
        {
            body.Errors.Add("password", problem);
        }
        return body.Errors.Any ? null : new SetPasswordRequest(token!, password!);
    }
}
