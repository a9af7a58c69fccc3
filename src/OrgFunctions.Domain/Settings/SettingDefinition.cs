using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OrgFunctions.Domain.Text;

namespace OrgFunctions.Domain.Settings;

/// <summary>One inheritable setting: its name, its kind, its range and the value a new root org starts with.</summary>
public sealed class SettingDefinition
{
    private SettingDefinition(string name, SettingKind kind, object defaultValue, int min = 0, int max = 0)
    {
        Name = name;
        Kind = kind;
        Min = min;
        Max = max;
        DefaultValue = Validate(defaultValue);
    }

    public string Name { get; }
    public SettingKind Kind { get; }
    public int Min { get; }
    public int Max { get; }
    public object DefaultValue { get; }

    public static SettingDefinition Locale(string name, string defaultValue) => new(name, SettingKind.Locale, defaultValue);
    public static SettingDefinition TimeZone(string name, string defaultValue) => new(name, SettingKind.TimeZone, defaultValue);
    public static SettingDefinition Integer(string name, int min, int max, int defaultValue) =>
        new(name, SettingKind.Integer, defaultValue, min, max);
    public static SettingDefinition Switch(string name, bool defaultValue) => new(name, SettingKind.Switch, defaultValue);

    /// <summary>The canonical value for <paramref name="raw"/>, or a <see cref="SettingValidationException"/> naming this setting.</summary>
    public object Validate(object? raw) =>
        TryValidate(raw, out var value, out var error) ? value : throw new SettingValidationException(Name, error);

    /// <summary>The canonical value for <paramref name="raw"/>, or why it isn't one, naming this setting.</summary>
    public bool TryValidate(object? raw, [NotNullWhen(true)] out object? value, [NotNullWhen(false)] out string? error)
    {
        var (valid, reason) = Kind switch
        {
            SettingKind.Locale => ValidLocale(raw),
            SettingKind.TimeZone => ValidTimeZone(raw),
            SettingKind.Integer => raw is int i && i >= Min && i <= Max ? (i, null) : (null, $"must be a whole number from {Min} to {Max}"),
            SettingKind.Switch => raw is bool b ? (b, null) : ((object?)null, (string?)"must be true or false"),
            _ => throw new InvalidOperationException($"Unknown setting kind {Kind}."),
        };
        (value, error) = (valid, reason is null ? null : $"{Name} {reason}.");
        return valid is not null;
    }

    private static (object? Value, string? Reason) ValidLocale(object? raw)
    {
        const string expected = "must be a BCP 47 language tag such as en-GB";
        if (raw is not string tag || tag.Length is 0 or > 35)
        {
            return (null, expected);
        }
        // ICU reads a tag only up to a NUL, so "en-GB\0garbage" would silently become en-GB: refuse what no tag holds.
        if (TextPolicy.Problem(tag) is { } problem)
        {
            return (null, problem);
        }
        if (!tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return (null, expected + " (letters, digits and hyphens)");
        }
        try
        {
            // predefinedOnly: an unknown tag is refused instead of becoming a made-up culture.
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Name is { Length: > 0 } name ? (name, null) : (null, expected);
        }
        catch (CultureNotFoundException)
        {
            return (null, $"'{tag}' is not a known locale");
        }
    }

    private static (object? Value, string? Reason) ValidTimeZone(object? raw)
    {
        if (raw is not string id || id.Length is 0 or > 64)
        {
            return (null, "must be an IANA time zone such as Europe/Dublin");
        }
        if (TextPolicy.Problem(id) is { } problem)
        {
            return (null, problem);
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId
            ? (zone.Id, null)
            : (null, $"'{id}' is not a known IANA time zone");
    }

}
