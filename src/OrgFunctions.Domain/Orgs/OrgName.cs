namespace OrgFunctions.Domain.Orgs;

/// <summary>An organisation's display name: trimmed, 1–200 characters, no control characters.</summary>
public sealed record OrgName
{
    public const int MaxLength = 200;

    private OrgName(string value) => Value = value;

    public string Value { get; }

    /// <summary>The form two names are compared in for uniqueness within a tree (case-insensitive).</summary>
    public string UniquenessKey => Value.ToUpperInvariant();

    public static OrgName Create(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException("An org name must not be empty.");
        }
        if (trimmed.Length > MaxLength)
        {
            throw new DomainException($"An org name must be at most {MaxLength} characters.");
        }
        if (trimmed.Any(char.IsControl))
        {
            throw new DomainException("An org name must not contain control characters.");
        }
        return new OrgName(trimmed);
    }

    public override string ToString() => Value;
}
