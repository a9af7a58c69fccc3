using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Http;
using OrgFunctions.Users.SignIn;

namespace OrgFunctions.Functions.Users;

/// <summary>GET /api/me: the signed-in user and the orgs they belong to. A session only: an API key is no person.</summary>
public sealed class MeFunction(Api api, MeService me)
{
    [Function(nameof(GetMe))]
    public Task<IActionResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            caller.UserId is not { } userId ? SignInProblems.SessionRequired()
            : await me.GetAsync(userId, caller.OrgPath, cancellationToken) is { } view ? new OkObjectResult(view)
            : Problems.SessionExpired(), cancellationToken);
}
