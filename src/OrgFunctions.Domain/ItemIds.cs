namespace OrgFunctions.Domain;

/// <summary>
/// The one check of an id taken from a route (a role, template, smart phrase, API key or webhook id) before it names a
/// row: a malformed id is answered as a missing one (404), never read and never an error of storage.
/// </summary>
public static class ItemIds
{
    public const int MaxLength = 64;

    /// <summary>1 to 64 ASCII letters, digits, <c>-</c> and <c>_</c>: what a row key may hold without encoding.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>An id this app minted as <paramref name="prefix"/> and <paramref name="hexDigits"/> lower-case hex digits.</summary>
    public static bool IsMinted(string? id, string prefix, int hexDigits) =>
        id is not null && id.Length == prefix.Length + hexDigits && id.StartsWith(prefix, StringComparison.Ordinal)
        && id[prefix.Length..].All(char.IsAsciiHexDigitLower);
}
