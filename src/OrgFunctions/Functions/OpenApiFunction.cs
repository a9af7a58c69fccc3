using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.OpenApi;

namespace OrgFunctions.Functions;

/// <summary>GET /api/openapi.json: the API's OpenAPI 3.1 document, without a key (it describes, it reveals nothing).</summary>
public sealed class OpenApiFunction(OpenApiDocument document)
{
    [Function(nameof(GetOpenApiDocument))]
    public IActionResult GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        new FileContentResult(document.Utf8Json.ToArray(), "application/json; charset=utf-8");
}
