using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrgFunctions.Application;

namespace OrgFunctions.Http;

/// <summary>Maps an application <see cref="Outcome{T}"/> to the HTTP answer a trigger returns.</summary>
public static class OutcomeResults
{
    public static IActionResult ToResult<T>(this Outcome<T> outcome, Func<T, IActionResult> onSuccess) =>
        outcome.Failure is { } failure ? ToResult(failure) : onSuccess(outcome.Value!);

    public static IActionResult ToResult(Failure failure) => failure switch
    {
        Failure.NotFound f => Problems.NotFound(f.What),
        Failure.Forbidden f => Problems.Forbidden(f.Permission, f.Detail),
        Failure.Conflict f => Problems.Conflict(f.Detail),
        Failure.PreconditionFailed => Problems.PreconditionFailed(),
        Failure.Invalid f => Problems.Validation(f.Errors),
        Failure.LimitExceeded f => Problems.LimitExceeded(f.Limit, f.Value, f.Detail),
        Failure.BadGateway f => Problems.Problem(StatusCodes.Status502BadGateway, "bad-gateway", "A service this request needs failed.", f.Detail),
        _ => throw new InvalidOperationException($"Unmapped failure {failure.GetType().Name}."),
    };
}
