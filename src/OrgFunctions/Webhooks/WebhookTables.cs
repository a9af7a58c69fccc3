using Azure.Data.Tables;
using OrgFunctions.Storage;

namespace OrgFunctions.Webhooks;

/// <summary>
/// The delivery log: table <c>WebhookDeliveries</c>, one partition per subscription (high volume, DESIGN §4), RowKey
/// the delivery id (inverted event time first, so newest first). Subscriptions themselves are rows of their tree's
/// partition of <c>Orgs</c>, so a subscription change and its events share a transaction.
/// </summary>
public sealed class WebhookTables(TableServiceClient service, OrgTables orgTables)
{
    public const string DeliveriesTable = TableNames.WebhookDeliveries;

    private readonly Lazy<Task> _created = new(async () =>
    {
        await orgTables.EnsureCreatedAsync();
        await service.CreateTableIfNotExistsAsync(DeliveriesTable);
    });

    public TableClient Orgs => orgTables.Orgs;
    public TableClient Index => orgTables.Index;
    public TableClient Deliveries { get; } = service.GetTableClient(DeliveriesTable);

    public Task EnsureCreatedAsync() => _created.Value;

    public static string SubscriptionPrefix(Domain.Orgs.OrgId orgId) => $"wh:{orgId}:";
    public static string SubscriptionKey(Domain.Orgs.OrgId orgId, string subscriptionId) => SubscriptionPrefix(orgId) + subscriptionId;
    public const string AllSubscriptionsPrefix = "wh:";
}
