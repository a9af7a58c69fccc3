namespace OrgFunctions.Domain.Roles;

/// <summary>A role's name: trimmed, 1–100 characters, no control characters.</summary>
public sealed record RoleName
{
    public const int MaxLength = 100;

    private RoleName(string value) => Value = value;

    public string Value { get; }

    public static RoleName Create(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxLength || trimmed.Any(char.IsControl))
        {
            throw new DomainException($"A role name must be 1 to {MaxLength} characters, without control characters.");
        }
        return new RoleName(trimmed);
    }

    public override string ToString() => Value;
}
