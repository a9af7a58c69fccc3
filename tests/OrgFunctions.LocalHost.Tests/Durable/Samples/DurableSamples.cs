using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;

namespace OrgFunctions.LocalHost.Tests.Durable.Samples;

/// <summary>
/// Durable functions hosted by the tests (never part of the app), written as the app would write them: orchestrators
/// take their input as a parameter, and the HTTP starter answers with our own status route (there is no Durable
/// management API to point at).
/// </summary>
public sealed class DurableSamples(IConfiguration configuration)
{
    public sealed record StepsInput(string CountTable, int BlockOnStep);

    /// <summary>Starts any orchestrator: the body is its input, <c>?instanceId=</c> its id; 202 with <c>{ id }</c>.</summary>
    [Function("startOrchestration")]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "durable/{orchestrator}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string orchestrator)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        object? input = string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<JsonElement>(body);
        var requestedId = request.Query["instanceId"].ToString();
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input,
            new StartOrchestrationOptions(requestedId.Length > 0 ? requestedId : null));
        request.HttpContext.Response.Headers.Location = $"{request.PathBase}/api/durable/instances/{instanceId}";
        return new ObjectResult(new { id = instanceId }) { StatusCode = StatusCodes.Status202Accepted };
    }

    /// <summary>An instance's runtime status, output and custom status (JSON as the orchestration left them); 404 if unknown.</summary>
    [Function("orchestrationStatus")]
    public static async Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "durable/instances/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        if (instance is null)
        {
            return new NotFoundResult();
        }
        return new OkObjectResult(new
        {
            id = instance.InstanceId,
            name = instance.Name,
            runtimeStatus = instance.RuntimeStatus.ToString(),
            output = Json(instance.SerializedOutput),
            customStatus = Json(instance.SerializedCustomStatus),
        });
    }

    [Function(nameof(ThreeSteps))]
    public async Task<string> ThreeSteps([OrchestrationTrigger] TaskOrchestrationContext context, StepsInput input)
    {
        var results = new List<string>();
        for (var step = 1; step <= 3; step++)
        {
            results.Add(await context.CallActivityAsync<string>(nameof(RecordStep), new StepRun(input.CountTable, step, input.BlockOnStep)));
        }
        return string.Join(",", results);
    }

    public sealed record StepRun(string CountTable, int Step, int BlockOnStep);

    /// <summary>Counts its runs in an Azurite table (outside the host process); blocks on its first run of the chosen step.</summary>
    [Function(nameof(RecordStep))]
    public async Task<string> RecordStep([ActivityTrigger] StepRun run, CancellationToken cancellationToken)
    {
        var table = new TableClient(configuration["AzureWebJobsStorage"], run.CountTable);
        await table.CreateIfNotExistsAsync(CancellationToken.None);
        var rowKey = "step" + run.Step;
        var existing = await table.GetEntityIfExistsAsync<TableEntity>("runs", rowKey, cancellationToken: CancellationToken.None);
        var count = (existing.HasValue ? existing.Value!.GetInt32("Count") ?? 0 : 0) + 1;
        await table.UpsertEntityAsync(new TableEntity("runs", rowKey) { ["Count"] = count }, TableUpdateMode.Replace, CancellationToken.None);
        if (run.Step == run.BlockOnStep && count == 1)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return "step" + run.Step;
    }

    [Function(nameof(AwaitApproval))]
    public static async Task<string> AwaitApproval([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        context.SetCustomStatus("awaiting approval");
        var approver = await context.WaitForExternalEvent<string>("Approval");
        return $"approved by {approver}";
    }

    [Function(nameof(Greet))]
    public static string Greet([ActivityTrigger] string name) => $"Hello, {name}!";

    [Function(nameof(GreetAll))]
    public static async Task<string[]> GreetAll([OrchestrationTrigger] TaskOrchestrationContext context, string[] names) =>
        await Task.WhenAll(names.Select(name => context.CallActivityAsync<string>(nameof(Greet), name)));

    private static JsonElement? Json(string? serialized) =>
        serialized is null ? null : JsonSerializer.Deserialize<JsonElement>(serialized);
}
