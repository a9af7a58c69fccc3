using System.Globalization;
using OrgFunctions.Domain.Blocklist;

namespace OrgFunctions.FileDrops;

/// <summary><c>channel,identifier,reason,until</c>: identifiers normalised (phone numbers to E.164); empty until = permanent.</summary>
public sealed class BlocklistFileSchema : FileSchema
{
    public override FileKind Kind => FileKind.Blocklist;
    public override IReadOnlyList<string> Columns { get; } = ["channel", "identifier", "reason", "until"];
    public override IReadOnlyList<string> RequiredColumns { get; } = ["channel", "identifier"];

    public override ParsedRow? Parse(long line, Func<string, string> cell, List<RowError> errors, DateTimeOffset now)
    {
        var before = errors.Count;
        var channelText = cell("channel");
        var identifierText = cell("identifier");
        var reason = cell("reason").Trim();
        var untilText = cell("until").Trim();

        var channelKnown = Channels.TryParse(channelText, out var channel);
        if (!channelKnown)
        {
            errors.Add(RowError.Of(line, "channel", "must be one of " + string.Join(", ", Channels.Names), channelText));
        }
        var identifier = "";
        if (channelKnown && !ChannelIdentifier.TryNormalise(channel, identifierText, out identifier, out var why))
        {
            errors.Add(RowError.Of(line, "identifier", why, identifierText));
        }
        if (reason.Length > BlockEntry.MaxReasonLength || reason.Any(char.IsControl))
        {
            errors.Add(RowError.Of(line, "reason", $"must be at most {BlockEntry.MaxReasonLength} characters without control characters", reason));
        }
        DateTimeOffset? until = null;
        if (untilText.Length > 0)
        {
            if (!DateTimeOffset.TryParse(untilText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                errors.Add(RowError.Of(line, "until", "must be empty (permanent) or an ISO 8601 date", untilText));
            }
            else if (parsed <= now)
            {
                errors.Add(RowError.Of(line, "until", "is in the past", untilText));
            }
            else
            {
                until = parsed.ToUniversalTime();
            }
        }
        if (errors.Count > before)
        {
            return null;
        }
        return new ParsedRow(channel.Name() + ":" + identifier, new BlocklistFileRow(channel, identifier, reason, until));
    }
}

public sealed record BlocklistFileRow(Channel Channel, string Identifier, string Reason, DateTimeOffset? Until);
