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

    public static OrgName Create(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException("An org name must not be empty.");
        }
        TextPolicy.Ensure(trimmed, "An org name");
        var normalised = TextPolicy.Normalise(trimmed);
        if (normalised.Length > MaxLength)
        {
            throw new DomainException($"An org name must be at most {MaxLength} characters.");
        }
        if (TextPolicy.Fold(normalised).Length == 0)
        {
            throw new DomainException("An org name must have a visible character.");
        }
        return new OrgName(normalised);
    }

    /// <summary>
    /// A name read back from storage, as it was stored: names written before ADR 0013 may break today's rules, and must
    /// still be readable (and their legacy reservations found).
    /// </summary>
    public static OrgName Restore(string value) => new(value);

    public override string ToString() => Value;
}
