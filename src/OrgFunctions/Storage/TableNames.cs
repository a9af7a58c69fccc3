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

    /// <summary>
    /// Users, one partition per user: the profile (RowKey "", with the password's hash) and one row per org the user
    /// belongs to (RowKey <c>org:{orgId}</c>, locating the membership row in its tree). A user spans trees, so their
    /// identity can't live in one tree's partition.
    /// </summary>
    public const string Users = "Users";

    /// <summary>Signed-in sessions, one row per session keyed by the hash of its token (the token itself is never stored).</summary>
    public const string Sessions = "Sessions";

    /// <summary>Webhook delivery logs, one partition per subscription.</summary>
    public const string WebhookDeliveries = "WebhookDeliveries";

    /// <summary>
    /// The activity feeds: one partition per org holding the events of the org and of its descendants, newest first
    /// (each event written to its org's partition and each ancestor's), and the retention sweep's day marks.
    /// </summary>
    public const string Activity = "Activity";
}
