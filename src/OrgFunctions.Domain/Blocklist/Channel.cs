namespace OrgFunctions.Domain.Blocklist;

/// <summary>A messaging channel whose sender identifiers can be blocked.</summary>
public enum Channel
{
    Sms,
    WhatsApp,
    Email,
    Messenger,
}

/// <summary>The channels' wire names (lowercase, as in URLs, CSV files and table keys).</summary>
public static class Channels
{
    private static readonly Dictionary<string, Channel> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sms"] = Channel.Sms,
        ["whatsapp"] = Channel.WhatsApp,
        ["email"] = Channel.Email,
        ["messenger"] = Channel.Messenger,
    };

    public static IReadOnlyCollection<string> Names { get; } = ["sms", "whatsapp", "email", "messenger"];

    public static bool TryParse(string? name, out Channel channel) =>
        ByName.TryGetValue(name?.Trim() ?? "", out channel);

    public static string Name(this Channel channel) => channel switch
    {
        Channel.Sms => "sms",
        Channel.WhatsApp => "whatsapp",
        Channel.Email => "email",
        Channel.Messenger => "messenger",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>Channels whose identifiers are phone numbers.</summary>
    public static bool UsesPhoneNumbers(this Channel channel) => channel is Channel.Sms or Channel.WhatsApp;
}
