namespace OrgFunctions.Domain.Orgs;

public enum OrgStatus
{
    /// <summary>Being created by the provisioning orchestration; not yet usable.</summary>
    Provisioning,

    Active,

    /// <summary>Soft-deleted: hidden from lists, its name free again.</summary>
    Deleted,
}
