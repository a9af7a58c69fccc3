using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Health;

namespace OrgFunctions.Functions;

/// <summary>GET /api/health: 200 when storage answers, 503 (same body) when some of it does not.</summary>
public sealed class HealthFunction(HealthService health)
{
    [Function("health")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        return new ObjectResult(report)
        {
            StatusCode = report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
