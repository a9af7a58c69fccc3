using System.Diagnostics.CodeAnalysis;
using OrgFunctions.Domain.Text;

namespace OrgFunctions.Domain.Roles;

/// <summary>
/// A role's name: trimmed, in NFC, 1–100 characters, allowed by <see cref="TextPolicy"/> (one line, no control or bidi
/// override characters), with at least one visible character.
/// </summary>
public sealed record RoleName
{
    public const int MaxLength = 100;

    private RoleName(string value) => Value = value;

    public string Value { get; }

    /// <summary>The form two role names of one org are compared in (<see cref="TextPolicy.Fold"/>).</summary>
    public string UniquenessKey => TextPolicy.Fold(Value);

    /// <summary>The form role names were compared in before ADR 0013 (upper-cased as stored); see <see cref="Orgs.OrgName.LegacyUniquenessKey"/>.</summary>
    public string LegacyUniquenessKey => Value.ToUpperInvariant();

    /// <summary>
    /// The legacy keys this name could have been reserved under if typed as it is now, in NFC or NFD (before ADR 0013
    /// names were stored as typed): what a new name is checked against besides <see cref="UniquenessKey"/>.
    /// </summary>
    public IReadOnlyList<string> LegacyKeysOfTyped =>
        new[] { Value, Value.Normalize(System.Text.NormalizationForm.FormD) }.Select(v => v.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    public static RoleName Create(string? value) => TryCreate(value, out var name, out var error) ? name : throw new DomainException(error);

    /// <summary>The name, or why <paramref name="value"/> isn't one (the reason a request's field is refused with).</summary>
    public static bool TryCreate(string? value, [NotNullWhen(true)] out RoleName? name, [NotNullWhen(false)] out string? error)
    {
        var trimmed = value?.Trim() ?? "";
        var problem = trimmed.Length == 0 ? "must not be empty" : TextPolicy.Problem(trimmed);
        var normalised = problem is null ? TextPolicy.Normalise(trimmed) : trimmed;
        if (problem is null && (normalised.Length > MaxLength || TextPolicy.Fold(normalised).Length == 0))
        {
            problem = $"must be 1 to {MaxLength} characters, at least one of them visible";
        }
        name = problem is null ? new RoleName(normalised) : null;
        error = problem is null ? null : $"A role name {problem}.";
        return name is not null;
    }

    /// <summary>A name read back from storage, as stored (it may predate today's rules).</summary>
    public static RoleName Restore(string value) => new(value);

    public override string ToString() => Value;
}
