namespace OrgFunctions.Domain.Orgs;

/// <summary>
/// The materialised path of an org: the ids from its root down to itself, joined by '.'.
/// Sorting paths as strings lists a tree depth-first, a subtree is the key range
/// [<see cref="Value"/>, <see cref="SubtreeUpperBound"/>), and "is a descendant of" is a prefix test.
/// </summary>
/// <remarks>
/// '.' sorts below every id character (a–z, 2–7), so a parent sorts before its children and a whole
/// subtree before the next sibling; '/' is the character right after '.', which makes the exclusive
/// upper bound. '/' only ever appears in that bound, never in a stored key.
/// </remarks>
public sealed record OrgPath
{
    public const char Separator = '.';
    private const char AfterSeparator = '/';

    private OrgPath(string value, IReadOnlyList<OrgId> ids)
    {
        Value = value;
        Ids = ids;
    }

    public string Value { get; }

    /// <summary>Root first, this org last.</summary>
    public IReadOnlyList<OrgId> Ids { get; }

    public OrgId OrgId => Ids[^1];
    public OrgId RootId => Ids[0];
    public int Depth => Ids.Count - 1;
    public bool IsRoot => Ids.Count == 1;
    public OrgId? ParentId => IsRoot ? null : Ids[^2];

    public OrgPath? Parent => IsRoot ? null : new(Value[..Value.LastIndexOf(Separator)], Ids.Take(Ids.Count - 1).ToArray());

    /// <summary>The exclusive upper bound of the key range holding this org and all its descendants.</summary>
    public string SubtreeUpperBound => Value + AfterSeparator;

    public static OrgPath Root(OrgId id) => new(id.Value, [id]);

    public OrgPath Child(OrgId id) => new(Value + Separator + id.Value, [.. Ids, id]);

    public static OrgPath Parse(string value)
    {
        var ids = value.Split(Separator).Select(OrgId.Parse).ToArray();
        return new OrgPath(value, ids);
    }

    /// <summary>True if this org lies strictly beneath <paramref name="ancestor"/>.</summary>
    public bool IsDescendantOf(OrgPath ancestor) =>
        Value.Length > ancestor.Value.Length
        && Value.StartsWith(ancestor.Value, StringComparison.Ordinal)
        && Value[ancestor.Value.Length] == Separator;

    /// <summary>True if this org is <paramref name="ancestor"/> or lies beneath it: what an org in <paramref name="ancestor"/> may see.</summary>
    public bool IsSameOrDescendantOf(OrgPath ancestor) => Value == ancestor.Value || IsDescendantOf(ancestor);

    // Two paths are equal when their text is: the id list is derived from it.
    public bool Equals(OrgPath? other) => other is not null && Value == other.Value;

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value;
}
