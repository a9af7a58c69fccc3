using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrgFunctions.ActivityFeed;

/// <summary>An event as a feed shows it: what its webhooks carry, with the emitting org's name.</summary>
public sealed record ActivityView(string Id, string Type, string OrgId, string OrgName, string Actor, DateTimeOffset OccurredAt, JsonObject Data)
{
    public static ActivityView From(ActivityEntity row) => new(row.EventId, row.Type, row.OrgId, row.OrgName, row.Actor, row.OccurredAt,
        JsonSerializer.Deserialize<JsonObject>(row.Data) ?? []);
}
