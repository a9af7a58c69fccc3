using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Storage;

namespace OrgFunctions.Provisioning;

/// <summary>
/// The claim of an <c>Idempotency-Key</c>: a row in the parent's tree partition holding the request it stands for.
/// Adding it is the one step racing requests contend on (Table Storage lets exactly one add win, 409 for the rest).
/// The task hub can't be that step: on Azure Storage, requests racing to start one instance id each got a start.
/// </summary>
public sealed class IdempotencyClaims(OrgTables tables)
{
    /// <summary>The request already holding the claim, or null when this call made it.</summary>
    public async Task<ProvisioningInput?> ClaimAsync(string partition, string instanceId, ProvisioningInput input,
        CancellationToken cancellationToken)
    {
        try
        {
            await tables.Orgs.AddEntityAsync(new IdempotencyClaimEntity
            {
                PartitionKey = partition, RowKey = RowKeys.IdempotencyClaim(instanceId), Input = JsonSerializer.Serialize(input),
            }, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await FindAsync(partition, instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"The claim of instance {instanceId} exists but can't be read.", e);
        }
    }

    public async Task<ProvisioningInput?> FindAsync(string partition, string instanceId, CancellationToken cancellationToken)
    {
        var row = await tables.Orgs.GetEntityIfExistsAsync<IdempotencyClaimEntity>(partition, RowKeys.IdempotencyClaim(instanceId),
            select: [nameof(IdempotencyClaimEntity.Input)], cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.Input is { } json ? JsonSerializer.Deserialize<ProvisioningInput>(json) : null;
    }
}
