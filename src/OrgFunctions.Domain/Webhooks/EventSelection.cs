using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Webhooks;

/// <summary>Which events a subscription receives: by type ("*" for all) and by org (its own, or its subtree too).</summary>
public sealed record EventSelection(IReadOnlyList<string> Types, bool IncludeDescendants)
{
    public const string All = "*";

    public bool MatchesType(string type) => Types.Contains(All) || Types.Contains(type);

    /// <summary>An event of the org at <paramref name="eventOrg"/> concerns a subscription of the org at <paramref name="subscriptionOrg"/>.</summary>
    public bool MatchesOrg(OrgPath subscriptionOrg, OrgPath eventOrg) =>
        eventOrg.Equals(subscriptionOrg) || (IncludeDescendants && eventOrg.IsDescendantOf(subscriptionOrg));

    public bool Matches(OrgPath subscriptionOrg, string eventType, OrgPath eventOrg) =>
        MatchesType(eventType) && MatchesOrg(subscriptionOrg, eventOrg);
}
