using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Discovery;

namespace OrgFunctions.LocalHost.Hosting;

/// <summary>
/// The Functions host's admin endpoint for running a non-HTTP function now:
/// <c>POST /admin/functions/{name}</c> with an optional body <c>{"input": "..."}</c>; 202 when started,
/// 404 for an unknown function, 400 for one that cannot be run on demand (HTTP functions: call their route).
/// Mapped only with the development flag (<see cref="LocalHostSettings.EnableAdminEndpoints"/>): it runs any function
/// without a key, which the Functions host only allows with its master key.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/admin/functions/{name}", RunAsync);
    }

    private static async Task<IResult> RunAsync(string name, HttpContext http, FunctionCatalog catalog,
        IEnumerable<ITriggerBinding> bindings, ILoggerFactory loggers)
    {
        var function = catalog.Find(name);
        if (function is null)
        {
            return Results.NotFound();
        }
        var binding = TriggerListeners.FindBinding(bindings, function);
        if (binding is null || binding.TriggerAttributeType == typeof(Microsoft.Azure.Functions.Worker.HttpTriggerAttribute))
        {
            return Results.BadRequest();
        }
        var input = await ReadInputAsync(http);
        var logger = loggers.CreateLogger(typeof(AdminEndpoints));
        var lifetime = http.RequestServices.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        _ = Task.Run(async () =>
        {
            try
            {
                await binding.InvokeOnDemandAsync(function, input, lifetime.ApplicationStopping);
            }
            catch (NotSupportedException ex)
            {
                logger.LogWarning("{Function} cannot be run on demand: {Reason}", function.Name, ex.Message);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "On-demand run of {Function} failed.", function.Name);
            }
        });
        return Results.Accepted();
    }

    private static async Task<string?> ReadInputAsync(HttpContext http)
    {
        if (http.Request.ContentLength is 0 || !http.Request.HasJsonContentType())
        {
            return null;
        }
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("input", out var input)
                ? input.ValueKind == JsonValueKind.String ? input.GetString() : input.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
