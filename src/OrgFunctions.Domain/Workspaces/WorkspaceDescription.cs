using OrgFunctions.Domain.Text;

namespace OrgFunctions.Domain.Workspaces;

/// <summary>A workspace's optional description: trimmed, at most 1,000 characters of text (several lines allowed); blank is none.</summary>
public static class WorkspaceDescription
{
    public const int MaxLength = 1000;

    /// <summary>Why <paramref name="description"/> can't describe a workspace, or null when it can (none at all can).</summary>
    public static string? Problem(string? description) =>
        description?.Trim() switch
        {
            null => null,
            { Length: > MaxLength } => $"A description must be at most {MaxLength} characters.",
            var trimmed => TextPolicy.Problem(trimmed, TextLines.Multiple) is { } problem ? $"A description {problem}." : null,
        };

    /// <summary>The description as stored: trimmed, null when blank.</summary>
    public static string? Normalise(string? description) =>
        Problem(description) is { } problem ? throw new DomainException(problem)
        : string.IsNullOrWhiteSpace(description) ? null : description.Trim();
}
