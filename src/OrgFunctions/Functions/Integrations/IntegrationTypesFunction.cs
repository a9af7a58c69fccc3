using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Integrations;
using OrgFunctions.Http;

namespace OrgFunctions.Functions.Integrations;

/// <summary>
/// GET /api/integration-types: the catalogue, each type with the JSON Schema of its settings (as the app judges them, served
/// as written) and its secrets' names. Any valid key or session reads it: it describes the product, not an org.
/// </summary>
public sealed class IntegrationTypesFunction(Api api)
{
    [Function(nameof(ListIntegrationTypes))]
    public Task<IActionResult> ListIntegrationTypes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "integration-types")] HttpRequest request, CancellationToken cancellationToken) =>
        api.RunAsync(request, _ => Task.FromResult<IActionResult>(new OkObjectResult(new
        {
            items = IntegrationCatalog.All.Select(type => new
            {
                type = type.Name,
                title = type.Title,
                description = type.Description,
                settingsSchema = JsonNode.Parse(type.SchemaText),
                secrets = type.Secrets.Select(s => new { name = s.Name, required = s.Required, description = s.Description }),
            }),
        })), cancellationToken);
}
