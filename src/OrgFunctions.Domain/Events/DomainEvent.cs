using System.Text.Json.Nodes;

namespace OrgFunctions.Domain.Events;

/// <summary>
/// Something that happened to an org, written to the outbox in the same transaction as the change
/// (DESIGN §4) and later fanned out to webhooks: <c>{ id, type, orgId, occurredAt, actor, data }</c>.
/// </summary>
public sealed record DomainEvent(string Id, string Type, string OrgId, DateTimeOffset OccurredAt, string Actor, JsonObject Data);
