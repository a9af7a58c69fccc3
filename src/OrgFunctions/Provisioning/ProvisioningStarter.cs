using DurableTask.Core.Exceptions;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Provisioning;

/// <summary>A provisioning that was started, or found already started for the same idempotency key.</summary>
public sealed record ProvisioningStarted(string InstanceId, string OrgId, bool AlreadyStarted);

/// <summary>
/// Starts the provisioning of a sub-org: checks what can be refused before anything is written (permission, limits,
/// a name already taken, unknown sender IDs), picks the new org's id, and schedules <see cref="ProvisioningOrchestrator"/>.
/// With an idempotency key the instance id is derived from it and the key is claimed first (<see cref="IdempotencyClaims"/>),
/// so a repeated or racing request finds the same instance and the same org instead of starting another.
/// </summary>
public sealed class ProvisioningStarter(OrgTables tables, ChildCounts children, IdempotencyClaims claims,
    PendingProvisionings pending, IOptions<ProvisioningOptions> options, TimeProvider clock)
{
    /// <param name="scope">The parent org, resolved with <c>orgs.manage</c>.</param>
    public async Task<Outcome<ProvisioningStarted>> StartAsync(OrgScope scope, ProvisioningRequest request,
        string? idempotencyKey, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (caller, parent) = (scope.Caller, scope.Org.Org);
        var partition = parent.Path.RootId.Value;
        var instanceId = idempotencyKey is null ? IdempotencyKeys.NewInstanceId() : IdempotencyKeys.InstanceId(parent.Id.Value, idempotencyKey);
        if (idempotencyKey is not null && await claims.FindAsync(partition, instanceId, cancellationToken) is { } claimed)
        {
            return await SameRequestAsync(client, instanceId, claimed, request, cancellationToken);
        }

        var refused = await RefuseAsync(parent, request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var settings = options.Value;
        var input = new ProvisioningInput(OrgId.New().Value, parent.Path.Value, request.Name.Value, request.Description,
            request.OverridesJson, request.CopyRoles, request.CopyTemplates, request.SenderIds, EventFactory.ActorOf(caller),
            clock.GetUtcNow(), settings.StepMaxAttempts, settings.StepFirstRetrySeconds);
        if (idempotencyKey is not null && await claims.ClaimAsync(partition, instanceId, input, cancellationToken) is { } winner)
        {
            return await SameRequestAsync(client, instanceId, winner, request, cancellationToken);
        }
        await ScheduleAsync(client, instanceId, input, cancellationToken);
        return new ProvisioningStarted(instanceId, input.OrgId, AlreadyStarted: false);
    }

    /// <summary>
    /// Schedules the instance unless it exists. A claimed key whose request died before this point is scheduled by the
    /// next request with that key, with the claimed input.
    /// </summary>
    private async Task ScheduleAsync(DurableTaskClient client, string instanceId, ProvisioningInput input,
        CancellationToken cancellationToken)
    {
        await pending.AddAsync(instanceId, input, cancellationToken);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ProvisioningOrchestrator.ProvisionOrg), input,
                new StartOrchestrationOptions(instanceId) { DedupeStatuses = AnyExistingInstance }, cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Started already (by the request that claimed the key, or an earlier try of this one): nothing to do.
        }
    }

    /// <summary>
    /// Without dedupe statuses the task hub would start an instance again over one that ended; with every status
    /// listed, an existing instance id is refused (<see cref="OrchestrationAlreadyExistsException"/>, gRPC <c>AlreadyExists</c>
    /// on the wire), so a key gives one instance for ever.
    /// </summary>
    private static readonly IReadOnlyList<string> AnyExistingInstance =
        new[]
        {
            OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
            OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated,
        }.Select(s => s.ToString()).ToList();

    private async Task<Failure?> RefuseAsync(Org parent, ProvisioningRequest request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (parent.Path.Depth + 1 > limits.MaxDepth)
        {
            return new Failure.LimitExceeded("Provisioning:MaxDepth", limits.MaxDepth,
                $"A sub-org of this org would be at depth {parent.Path.Depth + 1}; the limit is {limits.MaxDepth}.");
        }
        var partition = parent.Path.RootId.Value;
        // Answered early for the common case; the create step re-checks it in the same transaction as the new row.
        if (await children.CountAsync(parent.Path, cancellationToken) >= limits.MaxChildrenPerOrg)
        {
            return new Failure.LimitExceeded("Provisioning:MaxChildrenPerOrg", limits.MaxChildrenPerOrg,
                $"The org already has {limits.MaxChildrenPerOrg} sub-orgs, the limit.");
        }
        var name = await tables.Orgs.GetEntityIfExistsAsync<TableEntity>(partition, RowKeys.Name(request.Name), select: ["OrgId"],
            cancellationToken: cancellationToken);
        if (name.HasValue)
        {
            return new Failure.Conflict($"The name '{request.Name}' is already used by another org of this tree.");
        }
        var unknown = new FieldErrors();
        for (var i = 0; i < request.SenderIds.Count; i++)
        {
            var sender = await tables.Orgs.GetEntityIfExistsAsync<TableEntity>(partition, RowKeys.Sender(parent.Id, request.SenderIds[i]),
                select: ["SenderId"], cancellationToken: cancellationToken);
            if (!sender.HasValue)
            {
                unknown.Add($"copy.senderIds[{i}]", "is not a sender ID of the parent org");
            }
        }
        return unknown.Any ? new Failure.Invalid(unknown) : null;
    }

    /// <summary>A key stands for one request: reused with a different body, it is refused rather than answered with another org.</summary>
    private async Task<Outcome<ProvisioningStarted>> SameRequestAsync(DurableTaskClient client, string instanceId,
        ProvisioningInput claimed, ProvisioningRequest request, CancellationToken cancellationToken)
    {
        var same = claimed.Name == request.Name.Value && claimed.Description == request.Description
            && claimed.OverridesJson == request.OverridesJson && claimed.CopyRoles == request.CopyRoles
            && claimed.CopyTemplates == request.CopyTemplates && claimed.SenderIds.SequenceEqual(request.SenderIds);
        if (!same)
        {
            return new Failure.Conflict($"This {IdempotencyKeys.Header} was used for a different request (instance {instanceId}).");
        }
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is null)
        {
            await ScheduleAsync(client, instanceId, claimed, cancellationToken);
        }
        return new ProvisioningStarted(instanceId, claimed.OrgId, AlreadyStarted: true);
    }
}
