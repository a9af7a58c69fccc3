using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;

namespace OrgFunctions.Domain.Access;

/// <summary>
/// Who is calling: an API key, or a signed-in user's session, acting in one org with one role. For a session,
/// <see cref="UserId"/> names the user (so a rule such as "nobody changes their own role" can be checked) and
/// <see cref="KeyId"/> is empty.
/// </summary>
public sealed record Caller(string KeyId, OrgPath OrgPath, Role Role)
{
    public string? UserId { get; init; }

    public static Caller ForUser(string userId, OrgPath orgPath, Role role) => new("", orgPath, role) { UserId = userId };

    /// <summary>How events name the caller: <c>user:{id}</c> or <c>apikey:{id}</c>.</summary>
    public string Actor => UserId is not null ? "user:" + UserId : "apikey:" + KeyId;
}
