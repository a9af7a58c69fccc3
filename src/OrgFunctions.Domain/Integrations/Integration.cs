using System.Text.Json.Nodes;

namespace OrgFunctions.Domain.Integrations;

/// <summary>
/// A service an org is connected to: its type (fixed once created: the settings and secrets were judged against it), a
/// description, its settings (valid for the type's schema) and the names of the secrets it holds. The secrets' values
/// are not here: they are written once, sealed, and never read back to a caller.
/// </summary>
public sealed record Integration(string Id, IntegrationType Type, string? Description, JsonObject Settings, IReadOnlySet<string> SecretNames)
{
    public const int MaxDescriptionLength = 1000;

    /// <summary>Settings in JSON are at most this long: a type's schema bounds what they mean, this bounds what is stored.</summary>
    public const int MaxSettingsLength = 8192;

    private const string IdPrefix = "int_";

    public static string NewId() => IdPrefix + Guid.NewGuid().ToString("N");

    /// <summary>
    /// The settings after a PATCH's <paramref name="patch"/> (RFC 7396 at the top level, as the schemas are flat): each
    /// named setting is replaced, a null removes it, the rest are kept. The result is judged whole against the schema.
    /// </summary>
    public static JsonObject MergeSettings(JsonObject current, JsonObject patch)
    {
        var merged = current.DeepClone().AsObject();
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                merged.Remove(name);
            }
            else
            {
                merged[name] = value.DeepClone();
            }
        }
        return merged;
    }
}
