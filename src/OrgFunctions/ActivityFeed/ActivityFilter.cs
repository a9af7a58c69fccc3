using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using OrgFunctions.Application;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.ActivityFeed;

/// <summary>
/// What a feed page is asked for besides paging: the org's own events only or its subtree's (default), type patterns,
/// and a time window [since, until). Each becomes part of one query's filter, so it never costs a request.
/// </summary>
public sealed partial record ActivityFilter(bool IncludeDescendants, IReadOnlyList<EventTypePattern> Types, DateTimeOffset? Since,
    DateTimeOffset? Until)
{
    public const int MaxTypePatterns = 20;

    public static ActivityFilter Everything { get; } = new(true, [], null, null);

    /// <summary>The filter the query string asks for, or null with each invalid parameter named in <paramref name="errors"/>.</summary>
    public static ActivityFilter? Read(IQueryCollection query, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var includeDescendants = true;
        var raw = query["includeDescendants"].ToString();
        if (raw.Length > 0 && !bool.TryParse(raw, out includeDescendants))
        {
            errors.Add("includeDescendants", "must be true or false");
        }
        var types = ReadTypes(query["types"].ToString(), errors);
        var since = ReadTime(query, "since", errors);
        var until = ReadTime(query, "until", errors);
        if (since is { } s && until is { } u && s >= u)
        {
            errors.Add("since", "must be before until");
        }
        return errors.Any ? null : new ActivityFilter(includeDescendants, types, since, until);
    }

    /// <summary>The OData filter of <paramref name="feedOrgId"/>'s feed: one partition, one RowKey range, conditions on columns.</summary>
    public string ToQueryFilter(string feedOrgId)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {feedOrgId}");
        if (Until is { } until)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {ActivityKeys.OccurredBefore(until)}");
        }
        if (Since is { } since)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {ActivityKeys.OccurredAtOrAfterEnd(since)}");
        }
        if (!IncludeDescendants)
        {
            filter += " and " + TableClient.CreateQueryFilter($"OrgId eq {feedOrgId}");
        }
        if (Types.Count > 0 && !Types.Any(t => t.IsAll))
        {
            filter += " and (" + string.Join(" or ", Types.Select(TypeCondition)) + ")";
        }
        return filter;
    }

    private static string TypeCondition(EventTypePattern pattern) => pattern.Prefix is { } prefix
        ? "(" + TableClient.CreateQueryFilter($"Type ge {prefix} and Type lt {Storage.RowKeys.PrefixEnd(prefix)}") + ")"
        : TableClient.CreateQueryFilter($"Type eq {pattern.Text}");

    private static List<EventTypePattern> ReadTypes(string raw, FieldErrors errors)
    {
        var patterns = new List<EventTypePattern>();
        if (raw.Length == 0)
        {
            return patterns;
        }
        var parts = raw.Split(',');
        if (parts.Length > MaxTypePatterns)
        {
            errors.Add("types", $"at most {MaxTypePatterns} patterns");
            return patterns;
        }
        var known = WebhookEventCatalog.Entries.Select(e => e.Type).ToList();
        foreach (var part in parts)
        {
            if (EventTypePattern.TryCreate(part, known, out var pattern, out var error))
            {
                patterns.Add(pattern);
            }
            else
            {
                errors.Add("types", error);
            }
        }
        return patterns;
    }

    private static DateTimeOffset? ReadTime(IQueryCollection query, string name, FieldErrors errors)
    {
        var raw = query[name].ToString();
        if (raw.Length == 0)
        {
            return null;
        }
        if (!IsoDate().IsMatch(raw) || !DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            errors.Add(name, "must be an ISO 8601 date or date and time (e.g. 2026-12-05T09:30:00Z)");
            return null;
        }
        return at;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
