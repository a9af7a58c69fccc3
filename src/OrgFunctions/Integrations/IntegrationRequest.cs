using System.Text.Json;
using System.Text.Json.Nodes;
using OrgFunctions.Domain.Integrations;
using OrgFunctions.Domain.Text;
using OrgFunctions.Http;

namespace OrgFunctions.Integrations;

/// <summary>
/// <c>POST</c>: <c>{ type, description?, settings?, secrets? }</c>, judged whole against the type before the org is looked
/// up. <c>PATCH</c>: any of <c>description</c> (null clears it), <c>settings</c> (merged at the top level: a named setting
/// is replaced, null removes it) and <c>secrets</c> (a string sets or replaces that secret, null clears it, one not named
/// is kept); the merged result is judged against the stored type by the service. <c>type</c> can't change: the settings
/// and secrets were judged against it, and another type's are another integration.
/// </summary>
public sealed record IntegrationRequest(IntegrationType? Type, bool HasDescription, string? Description, JsonObject? Settings,
    IReadOnlyDictionary<string, string?> Secrets)
{
    public bool ChangesNothing => !HasDescription && Settings is null && Secrets.Count == 0;

    public static IntegrationRequest? ReadCreate(JsonObjectReader body)
    {
        var typeName = body.String("type", required: true);
        var (request, settingsRead) = ReadFields(body);
        var type = typeName is null ? null : IntegrationCatalog.Find(typeName);
        if (typeName is not null && type is null)
        {
            body.Errors.Add(body.PathOf("type"), "must be one of " + string.Join(", ", IntegrationCatalog.Names) + " (GET /api/integration-types)");
        }
        var settings = request.Settings ?? [];
        if (type is not null)
        {
            // Judged even when another field is bad, so one answer names every problem; unreadable settings aren't judged.
            foreach (var (field, reason) in IntegrationRules.Problems(type, settingsRead ? settings : null, request.Secrets, []))
            {
                body.Errors.Add(field, reason);
            }
        }
        return body.Errors.Any ? null : request with { Type = type, Settings = settings };
    }

    public static IntegrationRequest? ReadPatch(JsonObjectReader body)
    {
        if (body.Has("type"))
        {
            body.Errors.Add(body.PathOf("type"), "can't be changed: remove the integration and add one of the other type");
        }
        var (request, _) = ReadFields(body);
        return body.Errors.Any ? null : request;
    }

    /// <summary>
    /// The fields POST and PATCH share, each problem added to the reader's errors; <c>SettingsRead</c> is false when
    /// <c>settings</c> was there but not an object.
    /// </summary>
    private static (IntegrationRequest Request, bool SettingsRead) ReadFields(JsonObjectReader body)
    {
        var hasDescription = body.Has("description");
        var description = body.Text("description", TextLines.Multiple, maxLength: Integration.MaxDescriptionLength);
        JsonObject? settings = null;
        if (body.Has("settings"))
        {
            if (body.Raw("settings") is { ValueKind: JsonValueKind.Object } value)
            {
                settings = JsonNode.Parse(value.GetRawText())!.AsObject();
            }
            else
            {
                body.Errors.Add(body.PathOf("settings"), "must be an object");
            }
        }
        var settingsRead = !body.Has("settings") || settings is not null;
        var secrets = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (body.Has("secrets"))
        {
            if (body.Raw("secrets") is { ValueKind: JsonValueKind.Object } value)
            {
                foreach (var secret in value.EnumerateObject())
                {
                    if (secret.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                    {
                        secrets[secret.Name] = secret.Value.GetString();
                    }
                    else
                    {
                        body.Errors.Add(body.PathOf("secrets") + "." + secret.Name, "must be a string, or null to clear it");
                    }
                }
            }
            else
            {
                body.Errors.Add(body.PathOf("secrets"), "must be an object of secret names to values");
            }
        }
        body.RejectUnknownFields();
        return (new IntegrationRequest(null, hasDescription, description, settings, secrets), settingsRead);
    }
}
