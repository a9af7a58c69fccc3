namespace OrgFunctions.Domain.Templates;

/// <summary>A WhatsApp template's name, as Meta accepts it: 1–512 characters of lowercase letters, digits and underscores.</summary>
public sealed record TemplateName
{
    public const int MaxLength = 512;

    private TemplateName(string value) => Value = value;

    public string Value { get; }

    public static TemplateName Create(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxLength)
        {
            throw new DomainException($"A template name must be 1 to {MaxLength} characters.");
        }
        if (!trimmed.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new DomainException("A template name may hold only lowercase letters, digits and underscores.");
        }
        return new TemplateName(trimmed);
    }

    public override string ToString() => Value;
}
