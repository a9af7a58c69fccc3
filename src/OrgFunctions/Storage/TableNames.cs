namespace OrgFunctions.Storage;

/// <summary>
/// The tables the app owns (docs/decisions/0004-org-storage-model.md). infra/app-resources.json declares exactly these
/// (<c>AppResourcesTests</c>); the durable task hub's tables are the runtime's.
/// </summary>
public static class TableNames
{
    /// <summary>One partition per tree: orgs, name reservations, roles, API keys, users, workspaces, outbox events.</summary>
    public const string Orgs = "Orgs";

    /// <summary>Rows that only locate: org id → tree and path; API key id → tree and org; owner email → root org.</summary>
    public const string OrgIndex = "OrgIndex";

    /// <summary>Blocked senders, one partition per org (DESIGN §4: high-volume per-org data is partitioned by org).</summary>
    public const string Blocklist = "Blocklist";

    /// <summary>Smart phrases, one partition per org.</summary>
    public const string SmartPhrases = "SmartPhrases";

    /// <summary>File-drop imports and their reports, one partition per org, newest first.</summary>
    public const string Imports = "Imports";

    /// <summary>Webhook delivery logs, one partition per subscription.</summary>
    public const string WebhookDeliveries = "WebhookDeliveries";
}
