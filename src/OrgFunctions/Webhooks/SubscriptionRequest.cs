using OrgFunctions.Domain.Text;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Http;

namespace OrgFunctions.Webhooks;

/// <summary>
/// The body of POST (all fields; url and events required) and PATCH (any subset) of a subscription. The URL's
/// text is checked here; whether its host is reachable safely is <see cref="EndpointGuard"/>'s job.
/// </summary>
public sealed record SubscriptionRequest(string? Url, IReadOnlyList<string>? Events, bool? IncludeDescendants, string? Description,
    bool? Enabled)
{
    public const int MaxEvents = 50;

    public static SubscriptionRequest? ReadCreate(JsonObjectReader reader) => Read(reader, required: true);

    public static SubscriptionRequest? ReadPatch(JsonObjectReader reader) => Read(reader, required: false);

    private static SubscriptionRequest? Read(JsonObjectReader reader, bool required)
    {
        var url = reader.String("url", required, minLength: 1, maxLength: EndpointUrl.MaxLength);
        var events = reader.StringArray("events", required, MaxEvents);
        if (events is not null)
        {
            if (events.Count == 0)
            {
                reader.Errors.Add("events", "must name at least one event type or \"*\"");
            }
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i] != EventSelection.All && !WebhookEventCatalog.IsKnown(events[i]))
                {
                    reader.Errors.Add($"events[{i}]", "is not an event type (see GET /api/webhook-events)");
                }
            }
        }
        var includeDescendants = reader.Boolean("includeDescendants");
        var description = reader.Text("description", TextLines.Multiple, maxLength: WebhookSubscription.MaxDescriptionLength);
        var enabled = reader.Boolean("enabled");
        reader.RejectUnknownFields();
        return reader.Errors.Any ? null
            : new SubscriptionRequest(url, events?.Distinct(StringComparer.Ordinal).ToList(), includeDescendants, description, enabled);
    }
}
