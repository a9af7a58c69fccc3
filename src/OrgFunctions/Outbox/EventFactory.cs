using System.Text.Json.Nodes;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Events;

namespace OrgFunctions.Outbox;

/// <summary>Creates events with fresh ids and the current time, naming who caused them.</summary>
public sealed class EventFactory(TimeProvider clock)
{
    public DomainEvent Create(string type, string orgId, string actor, JsonObject data) =>
        new("evt_" + Guid.NewGuid().ToString("N"), type, orgId, clock.GetUtcNow(), actor, data);

    public static string ActorOf(Caller caller) => caller.Actor;
}
