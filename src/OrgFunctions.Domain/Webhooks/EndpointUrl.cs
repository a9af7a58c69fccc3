namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// A subscription's callback URL: absolute, https (http only where development allows it), no credentials, no
/// fragment. Which addresses it may reach is <see cref="AddressPolicy"/>'s business, checked when the host is resolved.
/// </summary>
public sealed record EndpointUrl
{
    public const int MaxLength = 2048;

    private EndpointUrl(Uri uri) => Uri = uri;

    public Uri Uri { get; }
    public string Host => Uri.IdnHost;
    public string Value => Uri.AbsoluteUri;

    /// <summary>The URL, or null with the reason it is refused.</summary>
    public static EndpointUrl? TryParse(string? text, bool allowHttp, out string? reason)
    {
        reason = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            reason = $"must be an absolute URL of at most {MaxLength} characters";
            return null;
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.HostNameType == UriHostNameType.Unknown
            || string.IsNullOrEmpty(uri.Host))
        {
            reason = "must be an absolute URL";
            return null;
        }
        var https = uri.Scheme == Uri.UriSchemeHttps;
        if (!https && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            reason = allowHttp ? "must use https or http" : "must use https";
            return null;
        }
        if (uri.UserInfo.Length > 0)
        {
            reason = "must not contain credentials";
            return null;
        }
        if (uri.Fragment.Length > 0)
        {
            reason = "must not contain a fragment";
            return null;
        }
        return new EndpointUrl(uri);
    }

    public static EndpointUrl Parse(string text, bool allowHttp) =>
        TryParse(text, allowHttp, out var reason) ?? throw new DomainException($"The URL {reason}.");

    public override string ToString() => Value;
}
