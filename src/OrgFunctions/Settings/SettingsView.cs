using System.Text.Json.Nodes;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Orgs;

namespace OrgFunctions.Settings;

/// <summary>
/// Settings as the API shows them: <c>locale</c>, <c>timeZone</c>, ... at the top, channels and features grouped,
/// each <c>{ value, source: "inherited"|"overridden", inheritedFrom }</c>.
/// </summary>
public static class SettingsView
{
    public static JsonObject From(OrgSettings settings)
    {
        var root = new JsonObject();
        foreach (var setting in settings.All)
        {
            var node = new JsonObject
            {
                ["value"] = SettingsJson.ValueNode(setting.Value),
                ["source"] = setting.Source == SettingSource.Inherited ? "inherited" : "overridden",
                ["inheritedFrom"] = setting.InheritedFrom?.Value,
            };
            var dot = setting.Name.IndexOf('.');
            if (dot < 0)
            {
                root[setting.Name] = node;
            }
            else
            {
                var group = setting.Name[..dot];
                if (root[group] is not JsonObject groupNode)
                {
                    root[group] = groupNode = new JsonObject();
                }
                groupNode[setting.Name[(dot + 1)..]] = node;
            }
        }
        return root;
    }
}
