using System.Text.Encodings.Web;
using System.Text.Json;
using OrgFunctions.Secrets;

namespace OrgFunctions.Integrations;

/// <summary>
/// Seals an integration's secrets (name → value) into one column with the app's Data Protection keys (ADR 0014), under
/// a purpose of their own, and opens them again only where a change of one of them needs the others.
/// </summary>
public sealed class IntegrationSecretBox(SecretCodec codec)
{
    public const string Purpose = "integrations.secret";

    // Non-ASCII as UTF-8, not \uXXXX: the sealed column's worst case (IntegrationSecretRules.MaxLength) is computed for it.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string? Seal(IReadOnlyDictionary<string, string> secrets) =>
        secrets.Count == 0 ? null : codec.Protect(Purpose, JsonSerializer.Serialize(new SortedDictionary<string, string>(
            secrets.ToDictionary(), StringComparer.Ordinal), Json));

    public IReadOnlyDictionary<string, string> Open(string? sealedSecrets) =>
        sealedSecrets is null ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(codec.Reveal(Purpose, sealedSecrets), Json)!;
}
