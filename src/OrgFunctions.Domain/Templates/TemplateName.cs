using System.Diagnostics.CodeAnalysis;
namespace OrgFunctions.Domain.Templates;

/// <summary>A WhatsApp template's name, as Meta accepts it: 1–512 characters of lowercase letters, digits and underscores.</summary>
public sealed record TemplateName
{
    public const int MaxLength = 512;

    private TemplateName(string value) => Value = value;

    public string Value { get; }

    public static TemplateName Create(string? value) => TryCreate(value, out var name, out var error) ? name : throw new DomainException(error);

    /// <summary>The name, or why <paramref name="value"/> isn't one (the reason a request's field is refused with).</summary>
    public static bool TryCreate(string? value, [NotNullWhen(true)] out TemplateName? name, [NotNullWhen(false)] out string? error)
    {
        var trimmed = value?.Trim() ?? "";
        error = trimmed.Length is 0 or > MaxLength ? $"A template name must be 1 to {MaxLength} characters."
            : !trimmed.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
                ? "A template name may hold only lowercase letters, digits and underscores."
            : null;
        name = error is null ? new TemplateName(trimmed) : null;
        return name is not null;
    }

    public override string ToString() => Value;
}
