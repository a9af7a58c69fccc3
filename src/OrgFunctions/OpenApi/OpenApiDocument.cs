using System.Reflection;

namespace OrgFunctions.OpenApi;

/// <summary>
/// The API's OpenAPI 3.1 document: hand-written (OpenApi/openapi.json, embedded in the assembly) so that it says
/// exactly what the readers and views do — limits, enums, nullability — rather than what reflection could guess.
/// Tests hold it to the functions' routes and to real responses.
/// </summary>
public sealed class OpenApiDocument
{
    public const string ResourceName = "OrgFunctions.OpenApi.openapi.json";

    private readonly Lazy<byte[]> _utf8 = new(Load);

    /// <summary>The document as served: UTF-8 JSON, read once.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8.Value;

    private static byte[] Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(OpenApiDocument).Assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
