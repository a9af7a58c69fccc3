using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;

namespace OrgFunctions.Http;

/// <summary>
/// What every authenticated endpoint does before its service call: 401 without a valid key or session (<c>session-expired</c>
/// for a session that has ended), then (for a body)
/// 413/400 for what can't be read, naming every invalid field. Order matters: a body is judged before the org is
/// looked up, and a 400 says nothing about whether an org exists. An org-scoped route (<c>InOrgAsync</c>,
/// <c>ListInOrgAsync</c>) states its permission once; the org is resolved after the body and the page (404 for what the
/// caller can't see, exactly as for a missing org; 403 for a missing permission), and its service gets the
/// <see cref="OrgScope"/>. A listing's org may come from the access cache (a warm page is its query alone); every other
/// route reads the org's row fresh (ADR 0026).
/// </summary>
public sealed class Api(RequestAuthenticator authenticator, OrgAccess access)
{
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Caller, Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        var authentication = await authenticator.IdentifyAsync(request, cancellationToken);
        return authentication.Caller is { } caller ? await action(caller)
            : authentication.Refusal == AuthenticationRefusal.SessionExpired ? Problems.SessionExpired()
            : Problems.Unauthorized();
    }

    public Task<IActionResult> RunAsync<TBody>(HttpRequest request, Func<JsonObjectReader, TBody?> readBody,
        Func<Caller, TBody, Task<IActionResult>> action, CancellationToken cancellationToken) where TBody : class =>
        RunAsync(request, async caller =>
        {
            var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            using (document)
            {
                var reader = new JsonObjectReader(document!.RootElement, new FieldErrors());
                var body = readBody(reader);
                return body is null ? Problems.Validation(reader.Errors) : await action(caller, body);
            }
        }, cancellationToken);

    /// <summary>An org-scoped route without a body.</summary>
    public Task<IActionResult> InOrgAsync(HttpRequest request, string orgId, string permission, Func<OrgScope, Task<IActionResult>> action,
        CancellationToken cancellationToken) =>
        RunAsync(request, caller => ResolvedAsync(caller, orgId, permission, action, cancellationToken), cancellationToken);

    /// <summary>An org-scoped route with a body: the body is judged (413/400) before the org is looked up.</summary>
    public Task<IActionResult> InOrgAsync<TBody>(HttpRequest request, string orgId, string permission, Func<JsonObjectReader, TBody?> readBody,
        Func<OrgScope, TBody, Task<IActionResult>> action, CancellationToken cancellationToken) where TBody : class =>
        RunAsync(request, readBody, (caller, body) => ResolvedAsync(caller, orgId, permission, scope => action(scope, body), cancellationToken),
            cancellationToken);

    /// <summary>An org-scoped listing: the page asked for is judged (400) before the org is looked up.</summary>
    public Task<IActionResult> ListInOrgAsync<T>(HttpRequest request, string orgId, string permission, PageLimits limits,
        Func<OrgScope, PageRequest, Task<Outcome<ListPage<T>>>> list, CancellationToken cancellationToken) =>
        ListAsync(request, limits, async (caller, page) =>
        {
            var org = await access.ResolveForListingAsync(caller, orgId, permission, cancellationToken);
            return org.Failure is { } failure ? failure : await list(new OrgScope(caller, org.Value!), page);
        }, cancellationToken);

    /// <summary>
    /// An org-scoped listing with query parameters of its own: the page and <paramref name="readFilter"/>'s parameters are
    /// judged together (one 400 naming each bad one) before the org is looked up.
    /// </summary>
    public Task<IActionResult> ListInOrgAsync<TFilter, T>(HttpRequest request, string orgId, string permission, PageLimits limits,
        Func<IQueryCollection, FieldErrors, TFilter?> readFilter, Func<OrgScope, TFilter, PageRequest, Task<Outcome<ListPage<T>>>> list,
        CancellationToken cancellationToken) where TFilter : class =>
        RunAsync(request, async caller =>
        {
            var errors = new FieldErrors();
            var filter = readFilter(request.Query, errors);
            var page = ReadPage(request, limits, errors);
            if (errors.Any || filter is null)
            {
                return Problems.Validation(errors);
            }
            var org = await access.ResolveForListingAsync(caller, orgId, permission, cancellationToken);
            return org.Failure is { } failure ? OutcomeResults.ToResult(failure)
                : (await list(new OrgScope(caller, org.Value!), filter, page)).ToResult(p =>
                    new OkObjectResult(new ListPage<T>(p.Items, PageTokens.Encode(p.ContinuationToken))));
        }, cancellationToken);

    private async Task<IActionResult> ResolvedAsync(Caller caller, string orgId, string permission, Func<OrgScope, Task<IActionResult>> action,
        CancellationToken cancellationToken)
    {
        var org = await access.ResolveAsync(caller, orgId, permission, cancellationToken);
        return org.Failure is { } failure ? OutcomeResults.ToResult(failure) : await action(new OrgScope(caller, org.Value!));
    }

    /// <summary>
    /// The request's <c>If-Match</c>, if any (<c>*</c> matches whatever is stored). Table Storage's ETags are weak
    /// (<c>W/"…"</c>) and RFC 9110 compares If-Match strongly, so many clients send the opaque tag alone: both forms
    /// name the same version.
    /// </summary>
    public static ETag? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        return value switch
        {
            "" => null,
            "*" => ETag.All,
            _ when value.StartsWith("W/", StringComparison.Ordinal) => new ETag(value),
            _ => new ETag("W/" + value),
        };
    }

    /// <summary>A JSON body with the resource's <c>ETag</c> header.</summary>
    public static IActionResult WithETag(HttpRequest request, object body, ETag etag, int status = StatusCodes.Status200OK)
    {
        request.HttpContext.Response.Headers.ETag = etag.ToString();
        return new ObjectResult(body) { StatusCode = status };
    }

    /// <summary>
    /// A listing's <c>maxPerPage</c> (within <paramref name="limits"/>) and <c>continuationToken</c> (decoded to storage's
    /// token), or the 400 naming each bad one.
    /// </summary>
    public static bool TryPage(HttpRequest request, PageLimits limits, out PageRequest page, out IActionResult? problem)
    {
        var errors = new FieldErrors();
        page = ReadPage(request, limits, errors);
        problem = errors.Any ? Problems.Validation(errors) : null;
        return problem is null;
    }

    /// <summary>The page asked for; each bad paging parameter is added to <paramref name="errors"/> (and the first page returned).</summary>
    private static PageRequest ReadPage(HttpRequest request, PageLimits limits, FieldErrors errors)
    {
        var before = errors.Count;
        var size = limits.DefaultSize;
        var raw = request.Query["maxPerPage"].ToString();
        if (raw.Length > 0)
        {
            if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size))
            {
                errors.Add("maxPerPage", "must be a whole number");
            }
            else if (size < 1 || size > limits.MaxSize)
            {
                errors.Add("maxPerPage", $"must be from 1 to {limits.MaxSize}");
            }
        }
        if (!PageTokens.TryDecode(request.Query["continuationToken"], out var storageToken))
        {
            errors.Add("continuationToken", PageTokens.Refusal);
        }
        return errors.Count > before ? PageRequest.First(limits) : new PageRequest(size, storageToken);
    }

    /// <summary>
    /// A listing: authenticates, resolves the page asked for (a 400 naming each bad paging parameter), runs the listing,
    /// and answers its page with the API's token for the next one.
    /// </summary>
    public Task<IActionResult> ListAsync<T>(HttpRequest request, PageLimits limits,
        Func<Caller, PageRequest, Task<Outcome<ListPage<T>>>> list, CancellationToken cancellationToken) =>
        RunAsync(request, async caller => TryPage(request, limits, out var page, out var problem)
            ? (await list(caller, page)).ToResult(p => new OkObjectResult(new ListPage<T>(p.Items, PageTokens.Encode(p.ContinuationToken))))
            : problem!, cancellationToken);
}
