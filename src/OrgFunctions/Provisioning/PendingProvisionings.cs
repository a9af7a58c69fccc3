using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Storage;

namespace OrgFunctions.Provisioning;

/// <summary>A provisioning that was scheduled and has not yet been seen to end: its instance id, request and start time.</summary>
public sealed record PendingProvisioning(string InstanceId, ProvisioningInput Input, DateTimeOffset ScheduledAt);

/// <summary>
/// Every scheduled provisioning, until the sweeper has seen it end (<see cref="AbandonedProvisioningSweeper"/>): one
/// row per instance in the Orgs table's <c>_provisioning</c> partition, written before the instance is scheduled, so an
/// instance that an operator terminates or purges can't leave an org half-made with nobody to undo it.
/// </summary>
public sealed class PendingProvisionings(OrgTables tables, TimeProvider clock)
{
    public const string Partition = "_provisioning";

    public async Task AddAsync(string instanceId, ProvisioningInput input, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await tables.Orgs.UpsertEntityAsync(new PendingProvisioningEntity
        {
            PartitionKey = Partition, RowKey = instanceId, Input = JsonSerializer.Serialize(input), ScheduledAt = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<List<PendingProvisioning>> ScheduledBeforeAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        var found = new List<PendingProvisioning>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and ScheduledAt lt {cutoff}");
        await foreach (var row in tables.Orgs.QueryAsync<PendingProvisioningEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            if (row.Input is { } json && JsonSerializer.Deserialize<ProvisioningInput>(json) is { } input)
            {
                found.Add(new PendingProvisioning(row.RowKey, input, row.ScheduledAt ?? cutoff));
            }
            if (found.Count == max)
            {
                break;
            }
        }
        return found;
    }

    public Task RemoveAsync(string instanceId, CancellationToken cancellationToken) =>
        tables.Orgs.DeleteEntityAsync(Partition, instanceId, cancellationToken: cancellationToken);
}
