using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Http;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Functions.Webhooks;

/// <summary>GET /api/webhook-events: the event catalogue, each type with an example body as it is delivered.</summary>
public sealed class WebhookEventsFunction(Api api)
{
    private static readonly DateTimeOffset ExampleTime = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Function(nameof(ListWebhookEvents))]
    public Task<IActionResult> ListWebhookEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhook-events")] HttpRequest request, CancellationToken cancellationToken) =>
        api.RunAsync(request, _ => Task.FromResult<IActionResult>(new OkObjectResult(new
        {
            items = WebhookEventCatalog.Entries.Select(entry => new
            {
                type = entry.Type,
                description = entry.Description,
                example = JsonNode.Parse(WebhookPayload.For(new DomainEvent("evt_0123456789abcdef0123456789abcdef", entry.Type,
                    "abcdefghijklmnopqrst", ExampleTime, "apikey:k3y1d", entry.ExampleData()))),
            }),
        })), cancellationToken);
}
