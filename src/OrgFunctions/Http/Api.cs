using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;

namespace OrgFunctions.Http;

/// <summary>
/// What every authenticated endpoint does before its service call: 401 without a valid key, then (for a body)
/// 413/400 for what can't be read, naming every invalid field. Order matters: a body is judged before the org is
/// looked up, and a 400 says nothing about whether an org exists.
/// </summary>
public sealed class Api(RequestAuthenticator authenticator)
{
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Caller, Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        return caller is null ? Problems.Unauthorized() : await action(caller);
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

    /// <summary>Reads <c>?maxPerPage=</c>; null when absent, an error when not a whole number.</summary>
    public static bool TryPageSize(HttpRequest request, out int? maxPerPage, out IActionResult? problem)
    {
        maxPerPage = null;
        problem = null;
        var raw = request.Query["maxPerPage"].ToString();
        if (raw.Length == 0)
        {
            return true;
        }
        if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            maxPerPage = value;
            return true;
        }
        problem = Problems.Validation("maxPerPage", "must be a whole number");
        return false;
    }

    /// <summary>A listing's <c>maxPerPage</c> and <c>continuationToken</c> (decoded to the storage token), or the 400 naming the bad one.</summary>
    public static bool TryPaging(HttpRequest request, out int? maxPerPage, out string? storageToken, out IActionResult? problem)
    {
        storageToken = null;
        if (!TryPageSize(request, out maxPerPage, out problem))
        {
            return false;
        }
        if (!PageTokens.TryDecode(request.Query["continuationToken"], out storageToken))
        {
            problem = Problems.Validation("continuationToken", PageTokens.Refusal);
            return false;
        }
        return true;
    }
}
