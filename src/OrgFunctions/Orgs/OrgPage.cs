namespace OrgFunctions.Orgs;

/// <summary>A page of a subtree listing; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record OrgPage(IReadOnlyList<OrgView> Items, string? ContinuationToken);
