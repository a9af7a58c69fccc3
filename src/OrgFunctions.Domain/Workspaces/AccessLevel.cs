using System.Diagnostics.CodeAnalysis;

namespace OrgFunctions.Domain.Workspaces;

/// <summary>
/// What a member may do inside one workspace. It is the workspace's own notion: it never grants anything at the org level
/// (org permissions come from the member's role alone).
/// </summary>
public enum AccessLevel
{
    Owner,
    Manager,
    Agent,
}

public static class AccessLevels
{
    /// <summary>The names the API and storage use, in order.</summary>
    public static readonly IReadOnlyList<string> Names = ["owner", "manager", "agent"];

    public static string ToApi(this AccessLevel level) => Names[(int)level];

    /// <summary>The level named <paramref name="value"/> (exactly, lower case), or why it isn't one.</summary>
    public static bool TryParse(string? value, out AccessLevel level, [NotNullWhen(false)] out string? error)
    {
        var index = value is null ? -1 : Names.ToList().IndexOf(value);
        level = index < 0 ? AccessLevel.Agent : (AccessLevel)index;
        error = index < 0 ? $"must be one of {string.Join(", ", Names)}" : null;
        return error is null;
    }

    public static AccessLevel Parse(string value) =>
        TryParse(value, out var level, out var error) ? level : throw new DomainException($"An access level {error}.");
}
