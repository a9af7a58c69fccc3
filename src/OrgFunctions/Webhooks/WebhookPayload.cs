using System.Globalization;
using System.Text.Json.Nodes;
using OrgFunctions.Domain.Events;

namespace OrgFunctions.Webhooks;

/// <summary>The JSON body of a webhook, in the Standard Webhooks shape <c>{ type, timestamp, data }</c> plus the event's id, org and actor.</summary>
public static class WebhookPayload
{
    public static string For(DomainEvent e) => new JsonObject
    {
        ["id"] = e.Id,
        ["type"] = e.Type,
        ["timestamp"] = e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        ["orgId"] = e.OrgId,
        ["actor"] = e.Actor,
        ["data"] = e.Data.DeepClone(),
    }.ToJsonString();
}
