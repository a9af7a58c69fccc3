using System.Text.Json;
using OrgFunctions.Domain.PaymentGateways;
using OrgFunctions.Domain.Text;
using OrgFunctions.Http;

namespace OrgFunctions.PaymentGateways;

/// <summary>
/// <c>{ gatewayType, description?, credentials: { field: "value", ... } }</c>. The credentials are held only until the
/// vault has them; <see cref="ToString"/> leaves them out, so a request logged by mistake shows no secret.
/// </summary>
public sealed record PaymentGatewayRequest(string GatewayType, string Description, IReadOnlyDictionary<string, string> Credentials)
{
    public static PaymentGatewayRequest? Read(JsonObjectReader body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var type = body.String("gatewayType", required: true, minLength: 1, maxLength: GatewayRequestRules.MaxNameLength * 4);
        if (type is not null && GatewayRequestRules.TypeProblem(type) is { } typeProblem)
        {
            body.Errors.Add("gatewayType", typeProblem);
        }
        var description = body.Text("description", TextLines.Multiple, maxLength: GatewayRequestRules.MaxDescriptionLength);
        var credentials = ReadCredentials(body);
        body.RejectUnknownFields();
        return body.Errors.Any ? null : new PaymentGatewayRequest(type!, description?.Trim() ?? "", credentials!);
    }

    private static Dictionary<string, string>? ReadCredentials(JsonObjectReader body)
    {
        var reader = body.Object("credentials", required: true);
        if (reader is null)
        {
            return null;
        }
        var credentials = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in reader.Properties())
        {
            var path = reader.PathOf(name);
            if (GatewayRequestRules.CredentialNameProblem(name) is { } nameProblem)
            {
                body.Errors.Add(path, nameProblem);
            }
            else if (value.ValueKind != JsonValueKind.String)
            {
                body.Errors.Add(path, "must be a string");
            }
            else if (GatewayRequestRules.CredentialValueProblem(value.GetString()!) is { } valueProblem)
            {
                body.Errors.Add(path, valueProblem);
            }
            else
            {
                credentials[name] = value.GetString()!;
            }
        }
        if (credentials.Count == 0 && !body.Errors.Any)
        {
            body.Errors.Add("credentials", "must name at least one credential field");
        }
        else if (credentials.Count > GatewayRequestRules.MaxCredentials)
        {
            body.Errors.Add("credentials", $"must have at most {GatewayRequestRules.MaxCredentials} fields");
        }
        return credentials;
    }

    public override string ToString() =>
        $"PaymentGatewayRequest {{ GatewayType = {GatewayType}, Credentials = [{string.Join(", ", Credentials.Keys)}] (values hidden) }}";
}
