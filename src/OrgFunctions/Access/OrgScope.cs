using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;

namespace OrgFunctions.Access;

/// <summary>
/// The org a request acts in, as the HTTP edge resolved it (visible to the caller, with the route's permission), and
/// who acts. A service given a scope decides everything else; it never looks the org up again.
/// </summary>
public sealed record OrgScope(Caller Caller, OrgRecord Org)
{
    public OrgPath Path => Org.Org.Path;

    /// <summary>The tree's partition of the org tables (the root's id).</summary>
    public string TreePartition => Path.RootId.Value;
}
