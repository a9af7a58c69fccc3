using OrgFunctions.Domain.Settings;
using OrgFunctions.Http;
using OrgFunctions.Orgs;

namespace OrgFunctions.Settings;

/// <summary>
/// <c>PATCH /orgs/{id}/settings</c>: <c>{ locale?, timeZone?, loginAttempts?, sessionTimeoutMinutes?, channels?: { sms?, ... }, features?: { ai?, ... } }</c>.
/// Every value is validated by the setting catalogue; each invalid or unknown field is named.
/// </summary>
public static class SettingsPatch
{
    public static IReadOnlyDictionary<string, object?>? Read(JsonObjectReader body)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in body.Properties())
        {
            if (name is "channels" or "features")
            {
                if (value.ValueKind != System.Text.Json.JsonValueKind.Object)
                {
                    body.Errors.Add(name, "must be an object");
                    continue;
                }
                foreach (var member in value.EnumerateObject())
                {
                    Validate(body, $"{name}.{member.Name}", SettingsJson.ClrValue(member.Value), values);
                }
            }
            else
            {
                Validate(body, name, SettingsJson.ClrValue(value), values);
            }
        }
        if (values.Count == 0 && !body.Errors.Any)
        {
            body.Errors.Add("settings", "at least one setting is required");
        }
        return body.Errors.Any ? null : values;
    }

    private static void Validate(JsonObjectReader body, string name, object? value, Dictionary<string, object?> values)
    {
        if (!SettingCatalog.TryGet(name, out var definition))
        {
            body.Errors.Add(body.PathOf(name), "is not a setting");
            return;
        }
        if (definition.TryValidate(value, out var valid, out var error))
        {
            values[name] = valid;
        }
        else
        {
            body.Errors.Add(body.PathOf(name), error);
        }
    }
}
