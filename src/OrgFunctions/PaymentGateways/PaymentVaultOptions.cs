namespace OrgFunctions.PaymentGateways;

/// <summary>
/// The configuration section <c>PaymentVault</c>: where the payment vault (Spreedly's API) is, and the environment key
/// and access secret it is called with (basic auth). The defaults are the local host's vault stand-in.
/// </summary>
public sealed class PaymentVaultOptions : OrgFunctions.Configuration.IValidatedOptions
{
    public const string Section = "PaymentVault";
    public const string HttpClientName = "payment-vault";

    public string BaseUrl { get; set; } = "http://127.0.0.1:7071/local-vault/";
    public string EnvironmentKey { get; set; } = "local-environment";
    public string AccessSecret { get; set; } = "local-secret";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// False where no vault account was given (a deployment whose orgs don't take payments): every gateway call then
    /// fails as an unavailable vault would, without a request, instead of the app refusing to start.
    /// </summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(EnvironmentKey) && !string.IsNullOrWhiteSpace(AccessSecret);

    public Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/", UriKind.Absolute);

    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.UserInfo))
        {
            yield return "PaymentVault:BaseUrl must be an absolute http(s) URL without query or credentials.";
        }
        else if (url.Scheme == "http" && !url.IsLoopback)
        {
            yield return "PaymentVault:BaseUrl must be https unless it is a loopback address (credentials travel to it).";
        }
        if (string.IsNullOrWhiteSpace(EnvironmentKey) != string.IsNullOrWhiteSpace(AccessSecret))
        {
            yield return "PaymentVault:EnvironmentKey and PaymentVault:AccessSecret are set together (or both left empty: no vault).";
        }
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(2))
        {
            yield return "PaymentVault:Timeout must be more than zero and at most 2 minutes.";
        }
    }
}
