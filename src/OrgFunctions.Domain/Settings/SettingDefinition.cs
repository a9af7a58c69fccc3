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
    public object Validate(object? raw) => Kind switch
    {
        SettingKind.Locale => ValidLocale(raw),
        SettingKind.TimeZone => ValidTimeZone(raw),
        SettingKind.Integer => raw is int i && i >= Min && i <= Max
            ? i
            : throw Invalid($"must be a whole number from {Min} to {Max}"),
        SettingKind.Switch => raw is bool b ? b : throw Invalid("must be true or false"),
        _ => throw new InvalidOperationException($"Unknown setting kind {Kind}."),
    };

    private string ValidLocale(object? raw)
    {
        if (raw is not string tag || tag.Length is 0 or > 35)
        {
            throw Invalid("must be a BCP 47 language tag such as en-GB");
        }
        // ICU reads a tag only up to a NUL, so "en-GB\0garbage" would silently become en-GB: refuse what no tag holds.
        if (TextPolicy.Problem(tag) is { } problem)
        {
            throw Invalid(problem);
        }
        if (!tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw Invalid("must be a BCP 47 language tag such as en-GB (letters, digits and hyphens)");
        }
        try
        {
            // predefinedOnly: an unknown tag is refused instead of becoming a made-up culture.
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Name is { Length: > 0 } name
                ? name
                : throw Invalid("must be a BCP 47 language tag such as en-GB");
        }
        catch (CultureNotFoundException)
        {
            throw Invalid($"'{tag}' is not a known locale");
        }
    }

    private string ValidTimeZone(object? raw)
    {
        if (raw is not string id || id.Length is 0 or > 64)
        {
            throw Invalid("must be an IANA time zone such as Europe/Dublin");
        }
        if (TextPolicy.Problem(id) is { } problem)
        {
            throw Invalid(problem);
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) || !zone.HasIanaId)
        {
            throw Invalid($"'{id}' is not a known IANA time zone");
        }
        return zone.Id;
    }

    private SettingValidationException Invalid(string reason) => new(Name, $"{Name} {reason}.");
}
