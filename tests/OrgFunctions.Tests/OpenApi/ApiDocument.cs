using System.Text.Json;
using OrgFunctions.OpenApi;

namespace OrgFunctions.Tests.OpenApi;

/// <summary>The OpenAPI document as the app serves it (the embedded resource), with lookups the tests share.</summary>
public static class ApiDocument
{
    private static readonly Lazy<JsonElement> LazyRoot = new(() => JsonDocument.Parse(new OpenApiDocument().Utf8Json).RootElement.Clone());

    public static JsonElement Root => LazyRoot.Value;

    public static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static SchemaCheck Schemas { get; } = new(Root);

    /// <summary>Follows a <c>$ref</c> if <paramref name="element"/> is one (OpenAPI references to components).</summary>
    public static JsonElement Deref(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference)
            ? Deref(Schemas.Resolve(reference.GetString()!))
            : element;

    public static JsonElement Operation(string path, string method) =>
        Root.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out var operation)
            ? operation
            : throw new KeyNotFoundException($"The document has no {method.ToUpperInvariant()} {path}.");

    /// <summary>The documented response of an operation for a status code (resolved).</summary>
    public static JsonElement Response(string path, string method, int status) =>
        Operation(path, method).GetProperty("responses").TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
            ? Deref(response)
            : throw new KeyNotFoundException($"{method.ToUpperInvariant()} {path} documents no {status} response.");

    /// <summary>The names of the path parameters declared for an operation (on the path item and on the operation).</summary>
    public static IReadOnlySet<string> PathParameters(string path, string method)
    {
        var item = Root.GetProperty("paths").GetProperty(path);
        var declared = new List<JsonElement>();
        foreach (var owner in new[] { item, item.GetProperty(method) })
        {
            if (owner.TryGetProperty("parameters", out var parameters))
            {
                declared.AddRange(parameters.EnumerateArray().Select(Deref));
            }
        }
        return declared
            .Where(p => p.GetProperty("in").GetString() == "path")
            .Select(p =>
            {
                Assert.True(p.TryGetProperty("required", out var required) && required.GetBoolean(),
                    $"Path parameter {p.GetProperty("name")} of {method} {path} must be required.");
                return p.GetProperty("name").GetString()!;
            })
            .ToHashSet(StringComparer.Ordinal);
    }
}
