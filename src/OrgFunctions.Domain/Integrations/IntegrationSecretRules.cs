namespace OrgFunctions.Domain.Integrations;

/// <summary>
/// What the secrets of an integration may be: only the names its type takes, each a non-empty string of at most
/// <see cref="MaxLength"/> characters, and every secret the type requires set once the change is applied. A change maps a
/// name to its new value, or to null to clear it.
/// </summary>
public static class IntegrationSecretRules
{
    /// <summary>
    /// Enough for a Google service-account key (about 2,400 characters); small enough that every secret of a type, sealed
    /// together in one column, stays within Table Storage's 64 KiB per property whatever the characters.
    /// </summary>
    public const int MaxLength = 4000;

    /// <summary>Each problem as (<c>secrets.&lt;name&gt;</c>, reason); empty when the change is allowed.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Problems(IntegrationType type, IReadOnlyDictionary<string, string?> changes,
        IEnumerable<string> alreadySet)
    {
        var problems = new List<(string, string)>();
        foreach (var (name, value) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!type.TakesSecret(name))
            {
                problems.Add((Field(name), $"is not a secret of {type.Name} (it takes {string.Join(", ", type.Secrets.Select(s => s.Name))})"));
            }
            else if (value is not null && ValueProblem(value) is { } problem)
            {
                problems.Add((Field(name), problem));
            }
        }
        var set = SetAfter(changes, alreadySet);
        foreach (var required in type.Secrets.Where(s => s.Required && !set.Contains(s.Name)))
        {
            if (!problems.Any(p => p.Item1 == Field(required.Name)))
            {
                problems.Add((Field(required.Name), $"is required by {type.Name}"));
            }
        }
        return problems;
    }

    /// <summary>The names set once <paramref name="changes"/> apply to <paramref name="alreadySet"/>.</summary>
    public static IReadOnlySet<string> SetAfter(IReadOnlyDictionary<string, string?> changes, IEnumerable<string> alreadySet)
    {
        var set = new SortedSet<string>(alreadySet, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                set.Remove(name);
            }
            else
            {
                set.Add(name);
            }
        }
        return set;
    }

    public static string? ValueProblem(string value) =>
        value.Trim().Length == 0 ? "must not be empty (null clears it)"
        : value.Length > MaxLength ? $"must be at most {MaxLength} characters"
        : null;

    private static string Field(string name) => "secrets." + name;
}
