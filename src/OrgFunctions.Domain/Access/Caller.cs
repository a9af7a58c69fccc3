using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;

namespace OrgFunctions.Domain.Access;

/// <summary>Who is calling: an API key acting in one org with one role.</summary>
public sealed record Caller(string KeyId, OrgPath OrgPath, Role Role);
