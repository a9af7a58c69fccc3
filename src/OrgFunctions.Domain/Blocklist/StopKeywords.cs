namespace OrgFunctions.Domain.Blocklist;

/// <summary>The opt-out replies that block a sender at once (any case, surrounding whitespace ignored).</summary>
public static class StopKeywords
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
    };

    /// <summary>True when the whole message is a STOP keyword: "stop please" is a conversation, not an opt-out.</summary>
    public static bool IsStop(string? text) => text is not null && All.Contains(text.Trim());
}
