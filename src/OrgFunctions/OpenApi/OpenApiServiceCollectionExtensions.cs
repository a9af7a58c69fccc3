using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.OpenApi;

public static class OpenApiServiceCollectionExtensions
{
    /// <summary>The OpenAPI document served at GET /api/openapi.json.</summary>
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services) =>
        services.AddSingleton<OpenApiDocument>();
}
