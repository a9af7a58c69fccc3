namespace OrgFunctions.Domain.Events;

/// <summary>The event catalogue: every type a webhook can subscribe to.</summary>
public static class EventTypes
{
    public const string OrgCreated = "org.created";
    public const string OrgUpdated = "org.updated";
    public const string OrgDeleted = "org.deleted";
    public const string SettingsChanged = "settings.changed";
    public const string RoleCreated = "role.created";
    public const string RoleUpdated = "role.updated";
    public const string RoleDeleted = "role.deleted";
    public const string ApiKeyCreated = "apikey.created";
    public const string ApiKeyRevoked = "apikey.revoked";
    public const string TemplateCreated = "template.created";
    public const string TemplateUpdated = "template.updated";
    public const string TemplateDeleted = "template.deleted";
    public const string BlocklistAdded = "blocklist.added";
    public const string IngestCompleted = "ingest.completed";
    public const string IngestFailed = "ingest.failed";
    public const string WorkspaceCreated = "workspace.created";
    public const string WorkspaceUpdated = "workspace.updated";
    public const string WorkspaceDeleted = "workspace.deleted";
    public const string WorkspaceMemberAdded = "workspace.member.added";
    public const string WorkspaceMemberChanged = "workspace.member.changed";
    public const string WorkspaceMemberRemoved = "workspace.member.removed";
    public const string UserInvited = "user.invited";
    public const string InvitationResent = "invitation.resent";
    public const string InvitationRevoked = "invitation.revoked";
    public const string UserJoined = "user.joined";
    public const string UserUpdated = "user.updated";
    public const string UserRemoved = "user.removed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string PaymentGatewayAdded = "paymentgateway.added";
    public const string PaymentGatewayRemoved = "paymentgateway.removed";
    public const string SenderIdAdded = "senderid.added";
    public const string SenderIdUpdated = "senderid.updated";
    public const string SenderIdRemoved = "senderid.removed";
    public const string IntegrationAdded = "integration.added";
    public const string IntegrationUpdated = "integration.updated";
    public const string IntegrationRemoved = "integration.removed";
}
