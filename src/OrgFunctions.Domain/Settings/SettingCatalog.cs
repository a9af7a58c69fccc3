namespace OrgFunctions.Domain.Settings;

/// <summary>Every inheritable setting an org has (DESIGN §5). Channels and features are one setting each, so each can be overridden alone.</summary>
public static class SettingCatalog
{
    public static readonly IReadOnlyList<string> Channels = ["sms", "whatsapp", "webchat", "email", "voice"];
    public static readonly IReadOnlyList<string> Features = ["payments", "ai", "selfService"];

    public static readonly IReadOnlyList<SettingDefinition> All =
    [
        SettingDefinition.Locale("locale", "en-GB"),
        SettingDefinition.TimeZone("timeZone", "Europe/London"),
        SettingDefinition.Integer("loginAttempts", min: 1, max: 20, defaultValue: 5),
        SettingDefinition.Integer("sessionTimeoutMinutes", min: 5, max: 1440, defaultValue: 60),
        SettingDefinition.Switch("channels.sms", true),
        SettingDefinition.Switch("channels.whatsapp", true),
        SettingDefinition.Switch("channels.webchat", true),
        SettingDefinition.Switch("channels.email", true),
        SettingDefinition.Switch("channels.voice", false),
        SettingDefinition.Switch("features.payments", false),
        SettingDefinition.Switch("features.ai", false),
        SettingDefinition.Switch("features.selfService", true),
    ];

    private static readonly Dictionary<string, SettingDefinition> ByName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out SettingDefinition definition) => ByName.TryGetValue(name, out definition!);

    public static SettingDefinition Get(string name) =>
        TryGet(name, out var definition) ? definition : throw new SettingValidationException(name, $"'{name}' is not a setting.");
}
