using OrgFunctions.Storage;

namespace OrgFunctions.PaymentGateways;

/// <summary>
/// A payment gateway's row in its tree's partition of <c>Orgs</c> (RowKey <c>pgw:{orgId}:{gatewayId}</c>), written with
/// its event in one transaction. It holds the vault's token, the type and the description: never a credential.
/// </summary>
public sealed class PaymentGatewayEntity : TableRow
{
    public string Kind { get; set; } = "paymentgateway";
    public string GatewayId { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string GatewayType { get; set; } = "";
    public string Description { get; set; } = "";
    public string Token { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static string Prefix(Domain.Orgs.OrgId orgId) => $"pgw:{orgId}:";
    public static string Key(Domain.Orgs.OrgId orgId, string gatewayId) => Prefix(orgId) + gatewayId;
}

/// <summary>A payment gateway as the API shows it: the vault's token, never a credential.</summary>
public sealed record PaymentGatewayView(string Id, string GatewayType, string Description, string Token, DateTimeOffset CreatedAt)
{
    public static PaymentGatewayView From(PaymentGatewayEntity row) => new(row.GatewayId, row.GatewayType, row.Description, row.Token, row.CreatedAt);
}
