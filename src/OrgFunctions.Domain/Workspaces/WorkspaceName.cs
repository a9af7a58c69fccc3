using System.Diagnostics.CodeAnalysis;
using OrgFunctions.Domain.Text;

namespace OrgFunctions.Domain.Workspaces;

/// <summary>
/// A workspace's name: trimmed, in NFC, 1–100 characters, allowed by <see cref="TextPolicy"/> (one line, no control or
/// bidi override characters), with at least one visible character. Two names of one org are compared folded
/// (<see cref="UniquenessKey"/>), as role names are.
/// </summary>
public sealed record WorkspaceName
{
    public const int MaxLength = 100;

    private WorkspaceName(string value) => Value = value;

    public string Value { get; }

    /// <summary>The form two workspace names of one org are compared in (<see cref="TextPolicy.Fold"/>).</summary>
    public string UniquenessKey => TextPolicy.Fold(Value);

    public static WorkspaceName Create(string? value) => TryCreate(value, out var name, out var error) ? name : throw new DomainException(error);

    /// <summary>The name, or why <paramref name="value"/> isn't one (the reason a request's field is refused with).</summary>
    public static bool TryCreate(string? value, [NotNullWhen(true)] out WorkspaceName? name, [NotNullWhen(false)] out string? error)
    {
        var trimmed = value?.Trim() ?? "";
        var problem = trimmed.Length == 0 ? "must not be empty" : TextPolicy.Problem(trimmed);
        var normalised = problem is null ? TextPolicy.Normalise(trimmed) : trimmed;
        if (problem is null && (normalised.Length > MaxLength || TextPolicy.Fold(normalised).Length == 0))
        {
            problem = $"must be 1 to {MaxLength} characters, at least one of them visible";
        }
        name = problem is null ? new WorkspaceName(normalised) : null;
        error = problem is null ? null : $"A workspace name {problem}.";
        return name is not null;
    }

    /// <summary>A name read back from storage, as stored.</summary>
    public static WorkspaceName Restore(string value) => new(value);

    public override string ToString() => Value;
}
