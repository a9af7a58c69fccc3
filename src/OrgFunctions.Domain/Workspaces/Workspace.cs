namespace OrgFunctions.Domain.Workspaces;

/// <summary>
/// A workspace of an org: a named place its members work in. Every org has at least one; the one made with the org
/// has the id <see cref="DefaultId"/> and can be renamed like any other.
/// </summary>
public sealed class Workspace
{
    public const string DefaultId = "default";
    public const string DefaultName = "Default workspace";
    public const string IdPrefix = "ws_";

    private Workspace(string id, WorkspaceName name, string? description, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Description = description;
        CreatedAt = createdAt;
    }

    public string Id { get; }
    public WorkspaceName Name { get; private set; }
    public string? Description { get; private set; }
    public DateTimeOffset CreatedAt { get; }

    public static string NewId() => IdPrefix + Guid.NewGuid().ToString("N")[..20];

    public static Workspace Create(string id, WorkspaceName name, string? description, DateTimeOffset createdAt) =>
        new(ItemIds.IsWellFormed(id) ? id : throw new DomainException($"'{id}' is not a workspace id."), name,
            WorkspaceDescription.Normalise(description), createdAt);

    /// <summary>The workspace every org starts with.</summary>
    public static Workspace Default(DateTimeOffset createdAt) => Create(DefaultId, WorkspaceName.Create(DefaultName), null, createdAt);

    public static Workspace Restore(string id, WorkspaceName name, string? description, DateTimeOffset createdAt) =>
        new(id, name, description, createdAt);

    public void Rename(WorkspaceName name) => Name = name;

    public void Describe(string? description) => Description = WorkspaceDescription.Normalise(description);
}
