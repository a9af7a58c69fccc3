using OrgFunctions.Domain.Text;

namespace OrgFunctions.Domain.Orgs;

/// <summary>
/// An organisation in a tree. Its place is fixed by its <see cref="Path"/>; its lifecycle is
/// Provisioning → Active → Deleted (a failed provisioning may go straight to Deleted), and nothing else.
/// </summary>
public sealed class Org
{
    private Org(OrgPath path, OrgName name, string? description, OrgStatus status, DateTimeOffset createdAt)
    {
        Path = path;
        Name = name;
        Description = description;
        Status = status;
        CreatedAt = createdAt;
    }

    public const int MaxDescriptionLength = 1000;

    public OrgPath Path { get; }
    public OrgId Id => Path.OrgId;
    public OrgId? ParentId => Path.ParentId;
    public OrgName Name { get; private set; }
    public string? Description { get; private set; }
    public OrgStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; }

    /// <summary>A root org, made at sign-up: active at once.</summary>
    public static Org CreateRoot(OrgId id, OrgName name, DateTimeOffset now) =>
        new(OrgPath.Root(id), name, null, OrgStatus.Active, now);

    /// <summary>A sub-org under <paramref name="parent"/>, provisioning until <see cref="Activate"/>.</summary>
    public static Org CreateChild(Org parent, OrgId id, OrgName name, string? description, DateTimeOffset now)
    {
        if (parent.Status != OrgStatus.Active)
        {
            throw new DomainException($"Can't create an org under {parent.Id}: it is {parent.Status}.");
        }
        return new Org(parent.Path.Child(id), name, ValidDescription(description), OrgStatus.Provisioning, now);
    }

    /// <summary>Rebuilds an org read back from storage.</summary>
    public static Org Restore(OrgPath path, OrgName name, string? description, OrgStatus status, DateTimeOffset createdAt) =>
        new(path, name, description, status, createdAt);

    public void Activate() => Move(OrgStatus.Provisioning, OrgStatus.Active);

    public void Rename(OrgName name)
    {
        EnsureActive();
        Name = name;
    }

    public void Describe(string? description)
    {
        EnsureActive();
        Description = ValidDescription(description);
    }

    public void Delete()
    {
        if (Status == OrgStatus.Deleted)
        {
            throw new DomainException($"Org {Id} is already deleted.");
        }
        Status = OrgStatus.Deleted;
    }

    private void Move(OrgStatus from, OrgStatus to)
    {
        if (Status != from)
        {
            throw new DomainException($"Org {Id} can't go from {Status} to {to}.");
        }
        Status = to;
    }

    private void EnsureActive()
    {
        if (Status != OrgStatus.Active)
        {
            throw new DomainException($"Org {Id} is {Status} and can't be changed.");
        }
    }

    private static string? ValidDescription(string? description)
    {
        if (DescriptionProblem(description) is { } problem)
        {
            throw new DomainException(problem);
        }
        var trimmed = description?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>Why <paramref name="description"/> can't describe an org, or null when it can (none at all can).</summary>
    public static string? DescriptionProblem(string? description) =>
        description?.Trim() switch
        {
            null => null,
            { Length: > MaxDescriptionLength } => $"A description must be at most {MaxDescriptionLength} characters.",
            var trimmed => TextPolicy.Problem(trimmed, TextLines.Multiple) is { } problem ? $"A description {problem}." : null,
        };
}
