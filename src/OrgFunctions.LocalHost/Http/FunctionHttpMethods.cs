using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace OrgFunctions.LocalHost.Http;

/// <summary>The methods an HTTP function accepts (null: all). Endpoint metadata read by <see cref="FunctionHttpMethodPolicy"/>.</summary>
internal sealed record FunctionHttpMethods(IReadOnlyList<string>? Methods)
{
    public bool Accepts(string method) =>
        Methods is null || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Drops candidate endpoints whose function does not accept the request's method, so an unmatched method
/// ends as 404, not ASP.NET Core's 405: the Functions host answers 404 there (azure-functions-host#10098).
/// </summary>
internal sealed class FunctionHttpMethodPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<FunctionHttpMethods>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var methods = candidates[i].Endpoint.Metadata.GetMetadata<FunctionHttpMethods>();
            if (methods is not null && !methods.Accepts(httpContext.Request.Method))
            {
                candidates.SetValidity(i, false);
            }
        }
        return Task.CompletedTask;
    }
}
