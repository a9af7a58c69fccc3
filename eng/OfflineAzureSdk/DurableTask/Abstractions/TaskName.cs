namespace Microsoft.DurableTask;

/// <summary>The name of a durable task (Microsoft.DurableTask.Abstractions). Compared case-insensitively.</summary>
public readonly struct TaskName : IEquatable<TaskName>
{
    public TaskName(string name)
    {
        // null yields the default struct, as in the real package.
        Name = name!;
        Version = name is null ? null! : string.Empty;
    }

    public TaskName(string name, string version)
    {
        if (name is null && version is not null)
        {
            throw new ArgumentException("name must not be null when version is non-null");
        }
        Name = name!;
        Version = name is null ? null! : version ?? string.Empty;
    }

    public string Name { get; }

    public string Version { get; }

    public static implicit operator string(TaskName value) => value.Name;

    public static implicit operator TaskName(string value) => string.IsNullOrEmpty(value) ? default : new TaskName(value);

    public static bool operator ==(TaskName a, TaskName b) => a.Equals(b);

    public static bool operator !=(TaskName a, TaskName b) => !a.Equals(b);

    public bool Equals(TaskName other) =>
        string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Version, other.Version, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => obj is TaskName other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(Name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Name),
            string.IsNullOrEmpty(Version) ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Version));

    public override string ToString() => string.IsNullOrEmpty(Version) ? Name : Name + ":" + Version;
}
