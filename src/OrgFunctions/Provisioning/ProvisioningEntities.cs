using OrgFunctions.Storage;

namespace OrgFunctions.Provisioning;

/// <summary>The claim of an Idempotency-Key in the parent's tree partition (RowKey <see cref="RowKeys.IdempotencyClaim"/>).</summary>
public sealed class IdempotencyClaimEntity : TableRow
{
    /// <summary>The request the key stands for, as JSON (<see cref="ProvisioningInput"/>).</summary>
    public string? Input { get; set; }
}

/// <summary>A scheduled provisioning in the <see cref="PendingProvisionings.Partition"/> partition (RowKey = instance id).</summary>
public sealed class PendingProvisioningEntity : TableRow
{
    /// <summary>The request, as JSON (<see cref="ProvisioningInput"/>).</summary>
    public string? Input { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
}
