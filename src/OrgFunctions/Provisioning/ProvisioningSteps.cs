namespace OrgFunctions.Provisioning;

/// <summary>The steps as the status API names them, in order.</summary>
public static class ProvisioningSteps
{
    public const string ReserveName = "reserveName";
    public const string CreateOrg = "createOrg";
    public const string CopySettings = "copySettings";
    public const string CopyRoles = "copyRoles";
    public const string CopyTemplates = "copyTemplates";
    public const string AttachSenderIds = "attachSenderIds";
    public const string CreateWorkspace = "createWorkspace";
    public const string CreateFileDropHome = "createFileDropHome";
    public const string Activate = "activate";
    public const string Completed = "completed";
}
