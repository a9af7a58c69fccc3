using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.LocalHost.Durable.Runtime;

namespace OrgFunctions.LocalHost.Durable.Http;

/// <summary>
/// The instance-management part of Durable Functions' HTTP API, at the same URLs and with the same answers:
/// the URLs that <c>CreateCheckStatusResponseAsync</c> hands out.
/// </summary>
internal static class DurableHttpApi
{
    public const string InstancesPath = "/runtime/webhooks/durabletask/instances";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(InstancesPath + "/{instanceId}", GetStatusAsync);
        endpoints.MapDelete(InstancesPath + "/{instanceId}", PurgeAsync);
        endpoints.MapPost(InstancesPath + "/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync);
        endpoints.MapPost(InstancesPath + "/{instanceId}/terminate", TerminateAsync);
        endpoints.MapPost(InstancesPath + "/{instanceId}/suspend", NotImplemented);
        endpoints.MapPost(InstancesPath + "/{instanceId}/resume", NotImplemented);
    }

    // 202 while the instance runs (with Location, to poll again), 200 once it ended, 404 if unknown; a failed one
    // answers 500 only when returnInternalServerErrorOnFailure=true, as in Durable.
    private static async Task<IResult> GetStatusAsync(HttpContext http, string instanceId)
    {
        var client = Client(http);
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, http.RequestAborted);
        if (metadata is null)
        {
            return Results.NotFound();
        }
        var showInput = !string.Equals(http.Request.Query["showInput"], "false", StringComparison.OrdinalIgnoreCase);
        var body = StatusJson(metadata, showInput);
        var status = metadata.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running => StatusCodes.Status202Accepted,
            OrchestrationRuntimeStatus.Failed when string.Equals(http.Request.Query["returnInternalServerErrorOnFailure"], "true",
                StringComparison.OrdinalIgnoreCase) => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status200OK,
        };
        if (status == StatusCodes.Status202Accepted)
        {
            http.Response.Headers.Location = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}{http.Request.QueryString}";
            http.Response.Headers.RetryAfter = "1";
        }
        return Results.Json(body, statusCode: status);
    }

    private static async Task<IResult> RaiseEventAsync(HttpContext http, string instanceId, string eventName)
    {
        var client = Client(http);
        var metadata = await client.GetInstanceAsync(instanceId, cancellation: http.RequestAborted);
        if (metadata is null)
        {
            return Results.NotFound();
        }
        if (metadata.IsCompleted)
        {
            return Results.StatusCode(StatusCodes.Status410Gone);
        }
        var payload = await ReadJsonAsync(http);
        await client.RaiseEventAsync(instanceId, eventName, payload, http.RequestAborted);
        return Results.Accepted();
    }

    private static async Task<IResult> TerminateAsync(HttpContext http, string instanceId)
    {
        var client = Client(http);
        var metadata = await client.GetInstanceAsync(instanceId, cancellation: http.RequestAborted);
        if (metadata is null)
        {
            return Results.NotFound();
        }
        if (metadata.IsCompleted)
        {
            return Results.StatusCode(StatusCodes.Status410Gone);
        }
        await client.TerminateInstanceAsync(instanceId, (object?)http.Request.Query["reason"].ToString(), http.RequestAborted);
        return Results.Accepted();
    }

    private static async Task<IResult> PurgeAsync(HttpContext http, string instanceId)
    {
        var result = await Client(http).PurgeInstanceAsync(instanceId, http.RequestAborted);
        return result.PurgedInstanceCount == 0
            ? Results.NotFound()
            : Results.Json(new JsonObject { ["instancesDeleted"] = result.PurgedInstanceCount });
    }

    private static IResult NotImplemented() =>
        Results.Text("Suspend and resume are not supported by the local durable engine.", statusCode: StatusCodes.Status501NotImplemented);

    /// <summary>Durable's status shape: payloads as JSON values, not strings.</summary>
    internal static JsonObject StatusJson(OrchestrationMetadata metadata, bool showInput = true)
    {
        var output = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed && metadata.FailureDetails is { } failure
            ? JsonValue.Create($"Orchestrator function '{metadata.Name}' failed: {failure.ErrorMessage}")
            : Parse(metadata.SerializedOutput);
        return new JsonObject
        {
            ["name"] = metadata.Name,
            ["instanceId"] = metadata.InstanceId,
            ["runtimeStatus"] = metadata.RuntimeStatus.ToString(),
            ["input"] = showInput ? Parse(metadata.SerializedInput) : null,
            ["customStatus"] = Parse(metadata.SerializedCustomStatus),
            ["output"] = output,
            ["createdTime"] = metadata.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["lastUpdatedTime"] = metadata.LastUpdatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        };
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    private static async Task<object?> ReadJsonAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static DurableTaskClient Client(HttpContext http) => http.RequestServices.GetRequiredService<LocalDurableTaskClient>();
}
