using OrgFunctions.Domain.Access;

namespace OrgFunctions.Access;

/// <summary>Who a request's credentials name, or why none: the HTTP edge answers a refusal with 401.</summary>
public sealed record Authentication(Caller? Caller, AuthenticationRefusal Refusal)
{
    public static Authentication As(Caller caller) => new(caller, AuthenticationRefusal.None);

    public static Authentication Refused(AuthenticationRefusal refusal) => new(null, refusal);
}

public enum AuthenticationRefusal
{
    None,

    /// <summary>No credentials, or none we know: 401 <c>unauthorized</c>.</summary>
    Unknown,

    /// <summary>A session that was valid but has ended (idle, past its lifetime, signed out of its org, suspended, removed): 401 <c>session-expired</c>.</summary>
    SessionExpired,
}
