using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Access;
using OrgFunctions.Domain.Users;
using OrgFunctions.Application;
using OrgFunctions.Http;
using OrgFunctions.Users;
using OrgFunctions.Users.SignIn;

namespace OrgFunctions.Functions.Users;

/// <summary>/api/auth/...: sign in to an org (no credentials), sign out (the session itself), set a password from an emailed link.</summary>
public sealed class AuthFunctions(Api api, SignInService signIn, SessionStore sessions, PasswordSetup passwordSetup)
{
    [Function(nameof(SignIn))]
    public Task<IActionResult> SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/sign-in")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Anonymous(request, SignInRequest.Read, async body => await signIn.SignInAsync(body, cancellationToken) switch
        {
            SignInOutcome.SignedIn signedIn => new OkObjectResult(signedIn.View),
            SignInOutcome.Locked => SignInProblems.AccountLocked(),
            SignInOutcome.Suspended => SignInProblems.AccountSuspended(),
            SignInOutcome.Busy => SignInProblems.Busy(),
            _ => SignInProblems.InvalidCredentials(),
        }, cancellationToken);

    [Function(nameof(SignOut))]
    public Task<IActionResult> SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/sign-out")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            if (caller.UserId is null || !UserToken.TryParse(RequestAuthenticator.BearerToken(request), TokenPurpose.Session, out var token))
            {
                return SignInProblems.SessionRequired();
            }
            await sessions.EndAsync(token.Hash, cancellationToken);
            return new NoContentResult();
        }, cancellationToken);

    [Function(nameof(SetPassword))]
    public Task<IActionResult> SetPassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/set-password")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Anonymous(request, SetPasswordRequest.Read, async body =>
            (await passwordSetup.SetAsync(body, cancellationToken)).ToResult(set => set ? new NoContentResult() : SignInProblems.TokenGone()),
            cancellationToken);

    private static async Task<IActionResult> Anonymous<TBody>(HttpRequest request, Func<JsonObjectReader, TBody?> read,
        Func<TBody, Task<IActionResult>> action, CancellationToken cancellationToken) where TBody : class
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var reader = new JsonObjectReader(document!.RootElement, new FieldErrors());
            return read(reader) is { } body ? await action(body) : Problems.Validation(reader.Errors);
        }
    }
}
