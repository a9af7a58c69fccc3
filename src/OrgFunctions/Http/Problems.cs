using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrgFunctions.Application;

namespace OrgFunctions.Http;

/// <summary>RFC 9457 problem+json responses. Bodies never carry exception text, secrets or stack traces.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IActionResult Validation(FieldErrors errors) => Result(new ValidationProblemDetails(
        errors.ToDictionary().ToDictionary(kv => kv.Key, kv => kv.Value))
    {
        Type = "https://orgfunctions.dev/problems/validation",
        Title = "The request is invalid.",
        Status = StatusCodes.Status400BadRequest,
        Detail = "See errors: each invalid field with its reasons.",
    });

    public static IActionResult Validation(string field, string reason)
    {
        var errors = new FieldErrors();
        errors.Add(field, reason);
        return Validation(errors);
    }

    public static IActionResult MalformedJson(string reason) => Problem(StatusCodes.Status400BadRequest, "malformed-json",
        "The request body is not valid JSON.", reason);

    public static IActionResult PayloadTooLarge(long limit) => Problem(StatusCodes.Status413PayloadTooLarge, "payload-too-large",
        "The request body is too large.", $"The limit is {limit} bytes.");

    public static IActionResult Unauthorized() => Problem(StatusCodes.Status401Unauthorized, "unauthorized",
        "Authentication is required.", "Send an API key or a session token as 'Authorization: Bearer <token>'.");

    public static IActionResult SessionExpired() => Problem(StatusCodes.Status401Unauthorized, "session-expired",
        "The session has ended.", "Sign in again.");

    public static IActionResult Forbidden(string permission, string? detail = null) => Problem(StatusCodes.Status403Forbidden, "forbidden",
        "The caller's role lacks a permission this needs.", detail is null ? $"Needs '{permission}'." : $"Needs '{permission}'. {detail}");

    /// <summary>The same body whether the resource is missing or merely invisible to the caller.</summary>
    public static IActionResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, "not-found",
        "Not found.", $"No {what} with that id.");

    public static IActionResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "conflict",
        "The request conflicts with the current state.", detail);

    /// <summary>409 naming the limit (its setting) and its value in <c>limit</c> and <c>limitValue</c>.</summary>
    public static IActionResult LimitExceeded(string limit, int value, string detail) => Result(new ProblemDetails
    {
        Type = "https://orgfunctions.dev/problems/limit-exceeded",
        Title = "A limit would be exceeded.",
        Status = StatusCodes.Status409Conflict,
        Detail = detail,
        Extensions = { ["limit"] = limit, ["limitValue"] = value },
    });

    public static IActionResult PreconditionFailed() => Problem(StatusCodes.Status412PreconditionFailed, "precondition-failed",
        "The resource changed since you read it.", "Read it again and retry with the new ETag.");

    /// <summary>500 for what nothing else answered: only the <c>traceId</c> under which the exception was logged.</summary>
    public static IActionResult Unexpected(string traceId) => Result(new ProblemDetails
    {
        Type = "https://orgfunctions.dev/problems/internal-error",
        Title = "Something went wrong on our side.",
        Status = StatusCodes.Status500InternalServerError,
        Detail = $"The error was logged under traceId {traceId}; quote it when you report this.",
        Extensions = { ["traceId"] = traceId },
    });

    public static IActionResult Problem(int status, string slug, string title, string detail) => Result(new ProblemDetails
    {
        Type = "https://orgfunctions.dev/problems/" + slug,
        Title = title,
        Status = status,
        Detail = detail,
    });

    private static ObjectResult Result(ProblemDetails problem) => new(problem)
    {
        StatusCode = problem.Status,
        ContentTypes = { ContentType },
    };
}
