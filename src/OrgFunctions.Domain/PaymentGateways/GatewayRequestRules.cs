using System.Text.RegularExpressions;

namespace OrgFunctions.Domain.PaymentGateways;

/// <summary>
/// What a payment gateway's registration may carry before it goes to the vault: a gateway type as the vault names it
/// (<c>stripe</c>, <c>braintree</c>, <c>test</c>), and credential fields by the vault's names (<c>login</c>,
/// <c>password</c>, <c>merchant_id</c>) with non-empty string values. The vault judges whether they fit the type.
/// </summary>
public static partial class GatewayRequestRules
{
    public const int MaxNameLength = 64;
    public const int MaxCredentials = 20;
    public const int MaxCredentialLength = 4096;
    public const int MaxDescriptionLength = 1000;

    /// <summary>The field the vault's request names the type with: never a credential's name.</summary>
    public const string TypeField = "gateway_type";

    public static string? TypeProblem(string type) =>
        Name().IsMatch(type) ? null : $"must be 1 to {MaxNameLength} lower-case letters, digits or '_' (the vault's gateway type)";

    public static string? CredentialNameProblem(string name) =>
        !Name().IsMatch(name) ? $"is not a credential field name (1 to {MaxNameLength} lower-case letters, digits or '_')"
        : name == TypeField ? "is not a credential field" : null;

    public static string? CredentialValueProblem(string value) =>
        value.Trim().Length == 0 ? "must not be empty"
        : value.Length > MaxCredentialLength ? $"must be at most {MaxCredentialLength} characters"
        : null;

    [GeneratedRegex("^[a-z0-9_]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
