namespace OrgFunctions.Domain.Access;

public enum AccessDecision
{
    Allowed,

    /// <summary>The caller can see the org but lacks the permission: 403.</summary>
    Forbidden,

    /// <summary>The org is outside the caller's subtree: answered exactly as a missing org, 404.</summary>
    NotVisible,
}
