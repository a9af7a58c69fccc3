using OrgFunctions.Orgs;

namespace OrgFunctions.Signup;

public sealed record OwnerView(string Id, string Email, string DisplayName, string RoleId);

/// <summary>What sign-up answers; the key's secret appears here and never again.</summary>
public sealed record NewApiKeyView(string Id, string Name, string RoleId, DateTimeOffset CreatedAt, string Secret);

public sealed record SignupResult(OrgView Org, OwnerView Owner, NewApiKeyView ApiKey);
