namespace OrgFunctions.Users;

/// <summary>The configuration section <c>Users</c> (environment <c>Users__SessionLifetime</c>, ...).</summary>
public sealed class UsersOptions : OrgFunctions.Configuration.IValidatedOptions
{
    public const string Section = "Users";

    /// <summary>The most a session lasts from sign-in, however often it is used (each org's idle timeout is its own setting).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Where the links in emails point: the web app that shows an invitation and asks for a password.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>How long a link to set a password (sign-up without one) stays valid.</summary>
    public TimeSpan PasswordSetupLifetime { get; set; } = TimeSpan.FromDays(3);

    public IEnumerable<string> Problems()
    {
        if (SessionLifetime <= TimeSpan.Zero || SessionLifetime > TimeSpan.FromDays(30))
        {
            yield return "Users:SessionLifetime must be more than zero and at most 30 days.";
        }
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            yield return "Users:PublicBaseUrl must be an absolute http(s) URL.";
        }
        if (PasswordSetupLifetime <= TimeSpan.Zero || PasswordSetupLifetime > TimeSpan.FromDays(30))
        {
            yield return "Users:PasswordSetupLifetime must be more than zero and at most 30 days.";
        }
    }
}
