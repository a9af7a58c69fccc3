using System.Diagnostics.CodeAnalysis;
using OrgFunctions.Domain.Text;

namespace OrgFunctions.Domain.Orgs;

/// <summary>
/// An organisation's display name: trimmed, in NFC, 1–200 characters, allowed by <see cref="TextPolicy"/> (one line, no
/// control or bidi override characters), with at least one visible character.
/// </summary>
public sealed record OrgName
{
    public const int MaxLength = 200;

    private OrgName(string value) => Value = value;

    public string Value { get; }

    /// <summary>The form two names are compared in for uniqueness within a tree (<see cref="TextPolicy.Fold"/>).</summary>
    public string UniquenessKey => TextPolicy.Fold(Value);

    /// <summary>
    /// The form names were compared in before ADR 0013 (the stored name upper-cased). Reservations written then are
    /// keyed by it; it differs from <see cref="UniquenessKey"/> only for names that weren't in NFC or held invisible characters.
    /// </summary>
    public string LegacyUniquenessKey => Value.ToUpperInvariant();

    /// <summary>
    /// The legacy keys this name could have been reserved under if typed as it is now, in NFC or NFD (before ADR 0013
    /// names were stored as typed): what a new name is checked against besides <see cref="UniquenessKey"/>.
    /// </summary>
    public IReadOnlyList<string> LegacyKeysOfTyped =>
        new[] { Value, Value.Normalize(System.Text.NormalizationForm.FormD) }.Select(v => v.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    public static OrgName Create(string? value) => TryCreate(value, out var name, out var error) ? name : throw new DomainException(error);

    /// <summary>The name, or why <paramref name="value"/> isn't one (the reason a request's field is refused with).</summary>
    public static bool TryCreate(string? value, [NotNullWhen(true)] out OrgName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        var trimmed = value?.Trim() ?? "";
        var normalised = trimmed.Length > 0 && TextPolicy.IsAllowed(trimmed) ? TextPolicy.Normalise(trimmed) : trimmed;
        error = trimmed.Length == 0 ? "An org name must not be empty."
            : TextPolicy.Problem(trimmed) is { } problem ? $"An org name {problem}."
            : normalised.Length > MaxLength ? $"An org name must be at most {MaxLength} characters."
            : TextPolicy.Fold(normalised).Length == 0 ? "An org name must have a visible character."
            : null;
        if (error is not null)
        {
            return false;
        }
        name = new OrgName(normalised);
        return true;
    }

    /// <summary>
    /// A name read back from storage, as it was stored: names written before ADR 0013 may break today's rules, and must
    /// still be readable (and their legacy reservations found).
    /// </summary>
    public static OrgName Restore(string value) => new(value);

    public override string ToString() => Value;
}
