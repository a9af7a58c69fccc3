namespace OrgFunctions.Domain.SenderIds;

/// <summary>A channel an org sends from, with its wire name (lowercase, as in URLs and bodies).</summary>
public enum SenderChannel
{
    Sms,
    WhatsApp,
    Voice,
    Email,
}

public static class SenderChannels
{
    private static readonly Dictionary<string, SenderChannel> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sms"] = SenderChannel.Sms,
        ["whatsapp"] = SenderChannel.WhatsApp,
        ["voice"] = SenderChannel.Voice,
        ["email"] = SenderChannel.Email,
    };

    public static IReadOnlyCollection<string> Names { get; } = ["sms", "whatsapp", "voice", "email"];

    public static bool TryParse(string? name, out SenderChannel channel) => ByName.TryGetValue(name?.Trim() ?? "", out channel);

    public static string Name(this SenderChannel channel) => channel switch
    {
        SenderChannel.Sms => "sms",
        SenderChannel.WhatsApp => "whatsapp",
        SenderChannel.Voice => "voice",
        SenderChannel.Email => "email",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };
}
