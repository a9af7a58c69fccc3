using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Http;

namespace OrgFunctions.Blocklist;

/// <summary><c>{ channel, identifier, reason?, until? }</c>: the identifier is normalised (phone numbers to E.164).</summary>
public sealed record BlocklistRequest(Channel Channel, string Identifier, string Reason, DateTimeOffset? Until)
{
    public static BlocklistRequest? Read(JsonObjectReader body)
    {
        var channelName = body.String("channel", required: true, minLength: 1, maxLength: 32);
        var identifier = body.String("identifier", required: true, minLength: 1, maxLength: ChannelIdentifier.MaxLength);
        var reason = body.Text("reason", maxLength: BlockEntry.MaxReasonLength);
        var untilText = body.String("until", maxLength: 64);
        body.RejectUnknownFields();

        Channel channel = default;
        var channelKnown = channelName is not null && Channels.TryParse(channelName, out channel);
        if (channelName is not null && !channelKnown)
        {
            body.Errors.Add("channel", "must be one of " + string.Join(", ", Channels.Names));
        }
        string normalised = "";
        if (identifier is not null && channelKnown && !ChannelIdentifier.TryNormalise(channel, identifier, out normalised, out var error))
        {
            body.Errors.Add("identifier", error);
        }
        DateTimeOffset? until = null;
        if (untilText is not null)
        {
            if (DateTimeOffset.TryParse(untilText, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                until = parsed.ToUniversalTime();
            }
            else
            {
                body.Errors.Add("until", "must be an ISO 8601 date and time");
            }
        }
        return body.Errors.Any ? null : new BlocklistRequest(channel, normalised, reason?.Trim() ?? "", until);
    }
}

/// <summary><c>{ channel, from, text }</c>: a message received from a sender.</summary>
public sealed record InboundRequest(Channel Channel, string From, string Text)
{
    public static InboundRequest? Read(JsonObjectReader body)
    {
        var channelName = body.String("channel", required: true, minLength: 1, maxLength: 32);
        var from = body.String("from", required: true, minLength: 1, maxLength: ChannelIdentifier.MaxLength);
        var text = body.String("text", required: true, maxLength: 10_000);
        body.RejectUnknownFields();
        Channel channel = default;
        var channelKnown = channelName is not null && Channels.TryParse(channelName, out channel);
        if (channelName is not null && !channelKnown)
        {
            body.Errors.Add("channel", "must be one of " + string.Join(", ", Channels.Names));
        }
        string normalised = "";
        if (from is not null && channelKnown && !ChannelIdentifier.TryNormalise(channel, from, out normalised, out var error))
        {
            body.Errors.Add("from", error);
        }
        return body.Errors.Any ? null : new InboundRequest(channel, normalised, text!);
    }
}
