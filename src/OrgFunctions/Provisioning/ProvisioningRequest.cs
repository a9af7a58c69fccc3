using System.Text.Json.Nodes;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Text;
using OrgFunctions.Http;
using OrgFunctions.Orgs;
using OrgFunctions.SenderIds;
using OrgFunctions.Settings;

namespace OrgFunctions.Provisioning;

/// <summary>
/// <c>POST /orgs/{parentId}/children</c>: <c>{ name, description?, overrides?: { setting: value }, copy?: { roles?, templates?,
/// senderIds? } }</c>. Roles and templates are copied unless <c>copy</c> says false; system roles always are.
/// </summary>
public sealed record ProvisioningRequest(OrgName Name, string? Description, IReadOnlyDictionary<string, object?> Overrides,
    bool CopyRoles, bool CopyTemplates, IReadOnlyList<string> SenderIds)
{
    public const int MaxSenderIds = 100;

    public static ProvisioningRequest? Read(JsonObjectReader body)
    {
        var name = body.String("name", required: true, minLength: 1, maxLength: OrgName.MaxLength);
        var description = body.Text("description", TextLines.Multiple, maxLength: Org.MaxDescriptionLength);
        IReadOnlyDictionary<string, object?> overrides = new Dictionary<string, object?>();
        if (body.Object("overrides") is { } overridesReader)
        {
            var hasAny = overridesReader.Properties().Any();
            overrides = hasAny ? SettingsPatch.Read(overridesReader) ?? overrides : overrides;
        }
        bool? roles = null, templates = null;
        IReadOnlyList<string>? senderIds = null;
        if (body.Object("copy") is { } copy)
        {
            roles = copy.Boolean("roles");
            templates = copy.Boolean("templates");
            senderIds = copy.StringArray("senderIds", maxItems: MaxSenderIds);
            copy.RejectUnknownFields();
            for (var i = 0; i < (senderIds?.Count ?? 0); i++)
            {
                if (!SenderIdRow.IsValidId(senderIds![i]))
                {
                    body.Errors.Add($"copy.senderIds[{i}]", "is not a sender ID");
                }
            }
        }
        body.RejectUnknownFields();

        OrgName? orgName = null;
        if (name is not null && !OrgName.TryCreate(name, out orgName, out var error))
        {
            body.Errors.Add("name", error);
        }
        return body.Errors.Any
            ? null
            : new ProvisioningRequest(orgName!, description, overrides, roles ?? true, templates ?? true, senderIds ?? []);
    }

    /// <summary>The overrides as the orchestration input carries them: a JSON object of plain values.</summary>
    public string? OverridesJson => Overrides.Count == 0
        ? null
        : new JsonObject(Overrides.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)SettingsJson.ValueNode(kv.Value!)))).ToJsonString();

    public static IReadOnlyDictionary<string, object?> ReadOverrides(string? json)
    {
        if (json is null)
        {
            return new Dictionary<string, object?>();
        }
        return JsonNode.Parse(json)!.AsObject().ToDictionary(kv => kv.Key, kv => SettingsJson.ClrValue(kv.Value), StringComparer.Ordinal);
    }
}
