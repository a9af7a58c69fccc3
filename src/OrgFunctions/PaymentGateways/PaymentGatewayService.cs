using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain;
using OrgFunctions.Domain.Events;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.PaymentGateways;

/// <summary>
/// An org's payment gateways (<c>billing.manage</c>, only where the org's effective <c>features.payments</c> is on). The
/// credentials go to the vault, and only its token, the type and the description are stored, with the event, in one
/// transaction of the tree's partition. A vault that fails or times out leaves nothing stored (502). Removal redacts at
/// the vault first and deletes the row after, so a row is never gone while its credentials are still retained.
/// </summary>
public sealed class PaymentGatewayService(OrgTables tables, OrgStore store, PaymentVault vault, EventFactory events, TimeProvider clock,
    ILogger<PaymentGatewayService> logger)
{
    public const string FeatureSetting = "features.payments";
    public static readonly PageLimits Paging = new(DefaultSize: 50, MaxSize: 200);
    private const string IdPrefix = "pgw_";

    public async Task<Outcome<ListPage<PaymentGatewayView>>> ListAsync(OrgScope scope, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var filter = RowKeys.PrefixFilter(scope.TreePartition, PaymentGatewayEntity.Prefix(scope.Org.Org.Id));
        await foreach (var rows in tables.Orgs.QueryAsync<PaymentGatewayEntity>(filter, page.Size, cancellationToken: cancellationToken)
                           .AsPages(page.StorageToken, page.Size))
        {
            return new ListPage<PaymentGatewayView>(rows.Values.Select(PaymentGatewayView.From).ToList(), rows.ContinuationToken);
        }
        return new ListPage<PaymentGatewayView>([], null);
    }

    public async Task<Outcome<PaymentGatewayView>> GetAsync(OrgScope scope, string id, CancellationToken cancellationToken) =>
        await FindAsync(scope, id, cancellationToken) is { } row ? PaymentGatewayView.From(row) : new Failure.NotFound("payment gateway");

    public async Task<Outcome<PaymentGatewayView>> AddAsync(OrgScope scope, PaymentGatewayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        if (!PaymentsEnabled(scope))
        {
            return new Failure.Conflict($"Payments are not enabled for this org ({FeatureSetting} is off).");
        }
        switch (await vault.CreateGatewayAsync(request.GatewayType, request.Credentials, cancellationToken))
        {
            case VaultAnswer.Refused:
                return Failure.Field("credentials", "were refused by the payment vault for this gateway type");
            case VaultAnswer.Unavailable unavailable:
                return new Failure.BadGateway($"The payment vault {unavailable.Reason}; nothing was stored.");
            case VaultAnswer.Retained retained:
                return await StoreAsync(scope, request, retained.Token, cancellationToken);
            default:
                throw new InvalidOperationException("Unexpected vault answer.");
        }
    }

    public async Task<Outcome<bool>> RemoveAsync(OrgScope scope, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await FindAsync(scope, id, cancellationToken) is not { } row)
        {
            return new Failure.NotFound("payment gateway");
        }
        if (await vault.RedactGatewayAsync(row.Token, cancellationToken) is VaultAnswer.Unavailable unavailable)
        {
            return new Failure.BadGateway($"The payment vault {unavailable.Reason}; the gateway is kept, try again.");
        }
        var result = await store.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag),
            OutboxRows.Add(scope.TreePartition, events.Create(EventTypes.PaymentGatewayRemoved, row.OrgId, EventFactory.ActorOf(scope.Caller),
                new JsonObject { ["gatewayId"] = row.GatewayId, ["gatewayType"] = row.GatewayType })),
        ], cancellationToken);
        // Lost to a concurrent delete of the same gateway: it is gone either way (and redacted twice, which is harmless).
        return result.Applied || result.IsStale ? true : new Failure.Conflict("The payment gateway changed meanwhile; try again.");
    }

    private async Task<Outcome<PaymentGatewayView>> StoreAsync(OrgScope scope, PaymentGatewayRequest request, string token,
        CancellationToken cancellationToken)
    {
        var org = scope.Org.Org;
        var row = new PaymentGatewayEntity
        {
            PartitionKey = scope.TreePartition,
            GatewayId = IdPrefix + Guid.NewGuid().ToString("N"),
            OrgId = org.Id.Value,
            GatewayType = request.GatewayType,
            Description = request.Description,
            Token = token,
            CreatedAt = clock.GetUtcNow(),
        };
        row.RowKey = PaymentGatewayEntity.Key(org.Id, row.GatewayId);
        try
        {
            var result = await store.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, row),
                OutboxRows.Add(scope.TreePartition, events.Create(EventTypes.PaymentGatewayAdded, org.Id.Value, EventFactory.ActorOf(scope.Caller),
                    new JsonObject { ["gatewayId"] = row.GatewayId, ["gatewayType"] = row.GatewayType, ["description"] = row.Description })),
            ], cancellationToken);
            if (!result.Applied)
            {
                throw new InvalidOperationException("A new payment gateway's id was taken.");
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException)
        {
            // Not stored: don't leave the credentials retained at the vault under a token nobody knows.
            logger.LogWarning("Storing payment gateway {GatewayId} failed; redacting it at the vault", row.GatewayId);
            await vault.RedactGatewayAsync(token, CancellationToken.None);
            throw;
        }
        return PaymentGatewayView.From(row);
    }

    private async Task<PaymentGatewayEntity?> FindAsync(OrgScope scope, string id, CancellationToken cancellationToken)
    {
        if (!ItemIds.IsMinted(id, IdPrefix, 32))
        {
            return null;
        }
        var row = await tables.Orgs.GetEntityIfExistsAsync<PaymentGatewayEntity>(scope.TreePartition,
            PaymentGatewayEntity.Key(scope.Org.Org.Id, id), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private static bool PaymentsEnabled(OrgScope scope) => scope.Org.Settings[FeatureSetting].Value is true;
}
