using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Access;

/// <summary>
/// The product's visibility and permission rules (DESIGN §5): a caller in org A may see and act on A and its
/// descendants only, with its role's permissions; siblings, cousins and ancestors are invisible, never forbidden,
/// so that a 403 can't reveal that an org exists.
/// </summary>
public static class AccessPolicy
{
    public static AccessDecision Decide(Caller caller, OrgPath target, string permission)
    {
        if (!target.IsSameOrDescendantOf(caller.OrgPath))
        {
            return AccessDecision.NotVisible;
        }
        return caller.Role.Grants(permission) ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }
}
