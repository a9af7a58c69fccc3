using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;

namespace OrgFunctions.Users.SignIn;

public sealed record MyOrg(string Id, string Name, string RoleId, string Status, bool Locked, bool Current);

/// <summary>What <c>GET /api/me</c> answers: the signed-in user and every org they belong to; no hash, no token.</summary>
public sealed record MeView(SignedInUser User, IReadOnlyList<MyOrg> Orgs);

/// <summary>
/// The signed-in user and their orgs: the user's pointers (one range query), each checked against its membership row
/// and its live org (all read at once); a pointer to nothing (a membership removed, an org deleted) is skipped.
/// </summary>
public sealed class MeService(UserStore users, MembershipStore memberships, OrgStore orgs)
{
    /// <summary>The view, or null when the user is gone.</summary>
    public async Task<MeView?> GetAsync(string userId, OrgPath current, CancellationToken cancellationToken)
    {
        var userRead = users.GetAsync(userId, cancellationToken);
        var pathsRead = users.OrgsAsync(userId, cancellationToken);
        await Task.WhenAll(userRead, pathsRead);
        if (userRead.Result is not { } user)
        {
            return null;
        }
        var found = await Task.WhenAll(pathsRead.Result.Select(path => OrgAsync(userId, path, current, cancellationToken)));
        return new MeView(new SignedInUser(user.Id, user.Email.Value, user.DisplayName),
            found.OfType<MyOrg>().OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id, StringComparer.Ordinal).ToList());
    }

    private async Task<MyOrg?> OrgAsync(string userId, OrgPath path, OrgPath current, CancellationToken cancellationToken)
    {
        var membershipRead = memberships.GetAsync(path, userId, cancellationToken);
        var orgRead = orgs.GetAsync(new OrgLocation(path.OrgId, path), cancellationToken);
        await Task.WhenAll(membershipRead, orgRead);
        if (membershipRead.Result is not { } membership || orgRead.Result is not { } org)
        {
            return null;
        }
        return new MyOrg(org.Org.Id.Value, org.Org.Name.Value, membership.Membership.RoleId,
            MembershipRow.StatusName(membership.Membership.Status), membership.Membership.IsLocked, path.OrgId == current.OrgId);
    }
}
