using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Application;
using OrgFunctions.Http;
using OrgFunctions.Signup;

namespace OrgFunctions.Functions;

/// <summary>POST /api/signup: the one route without an API key.</summary>
public sealed class SignupFunction(SignupService signup)
{
    [Function(nameof(SignUp))]
    public async Task<IActionResult> SignUp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "signup")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var reader = new JsonObjectReader(document!.RootElement, new FieldErrors());
            if (SignupRequest.Read(reader) is not { } body)
            {
                return Problems.Validation(reader.Errors);
            }
            var result = await signup.SignUpAsync(body, cancellationToken);
            return result.ToResult(created => new ObjectResult(created) { StatusCode = StatusCodes.Status201Created });
        }
    }
}
