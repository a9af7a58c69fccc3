using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.Users.Invitations;

namespace OrgFunctions.Functions.Users;

/// <summary>
/// /api/orgs/{orgId}/invitations (invite, list, revoke, resend; <c>users.manage</c>) and /api/invitations/{token} (see,
/// accept: the link is the credential, plus a session for an email that already has an account).
/// </summary>
public sealed class InvitationsFunctions(Api api, InvitationService invitations, InvitationAcceptance acceptance, RequestAuthenticator authenticator)
{
    [Function(nameof(ListInvitations))]
    public Task<IActionResult> ListInvitations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/invitations")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.ListInOrgAsync(request, orgId, Permission.UsersManage, InvitationService.Limits,
            (scope, page) => invitations.ListAsync(scope, page, cancellationToken), cancellationToken);

    [Function(nameof(CreateInvitation))]
    public Task<IActionResult> CreateInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invitations")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, InvitationRequest.Read, async (scope, body) =>
            (await invitations.InviteAsync(scope, body, cancellationToken)).ToResult(sent =>
                new ObjectResult(sent) { StatusCode = StatusCodes.Status201Created }),
            cancellationToken);

    [Function(nameof(RevokeInvitation))]
    public Task<IActionResult> RevokeInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/invitations/{invitationId}")] HttpRequest request,
        string orgId, string invitationId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, async scope =>
            (await invitations.RevokeAsync(scope, invitationId, cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);

    [Function(nameof(ResendInvitation))]
    public Task<IActionResult> ResendInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invitations/{invitationId}/resend")] HttpRequest request,
        string orgId, string invitationId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, async scope =>
            (await invitations.ResendAsync(scope, invitationId, cancellationToken)).ToResult(sent => new OkObjectResult(sent)),
            cancellationToken);

    [Function(nameof(PreviewInvitation))]
    public async Task<IActionResult> PreviewInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "invitations/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        Answer(await acceptance.PreviewAsync(token, cancellationToken), preview => new OkObjectResult(preview));

    [Function(nameof(AcceptInvitation))]
    public async Task<IActionResult> AcceptInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/{token}/accept")] HttpRequest request,
        string token, CancellationToken cancellationToken)
    {
        var body = AcceptRequest.Empty;
        // Someone signed in accepts with no body at all.
        if (request.ContentLength is not 0)
        {
            var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            using (document)
            {
                var reader = new JsonObjectReader(document!.RootElement, new FieldErrors());
                if (AcceptRequest.Read(reader) is not { } read)
                {
                    return Problems.Validation(reader.Errors);
                }
                body = read;
            }
        }
        var identity = await authenticator.IdentifyAsync(request, cancellationToken);
        return Answer(await acceptance.AcceptAsync(token, body, identity, cancellationToken),
            accepted => new ObjectResult(accepted) { StatusCode = StatusCodes.Status201Created });
    }

    private static IActionResult Answer<T>(Outcome<T> outcome, Func<T, IActionResult> onSuccess) => outcome.Failure switch
    {
        InvitationFailures.Gone gone => Problems.Problem(StatusCodes.Status410Gone, "invitation-gone", "The invitation can no longer be used.",
            gone.Detail),
        InvitationFailures.SignInRequired { SessionExpired: true } => Problems.SessionExpired(),
        InvitationFailures.SignInRequired => Problems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Authentication is required.",
            "This email already has an account: sign in as it, then accept with the session's token as 'Authorization: Bearer <token>'."),
        InvitationFailures.OtherUser => Problems.Problem(StatusCodes.Status403Forbidden, "forbidden", "The invitation is for another user.",
            "Sign in as the invited email to accept it."),
        _ => outcome.ToResult(onSuccess),
    };
}
