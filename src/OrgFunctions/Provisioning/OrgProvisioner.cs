using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Settings;
using OrgFunctions.FileDrops;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Roles;
using OrgFunctions.SenderIds;
using OrgFunctions.Signup;
using OrgFunctions.Storage;
using OrgFunctions.Templates;
using OrgFunctions.Workspaces;

namespace OrgFunctions.Provisioning;

/// <summary>
/// The work of each provisioning activity. Every step is idempotent: its rows have keys fixed by the input (the new org's
/// id is chosen by the starter), it writes with Upsert, or Add treating "already there and ours" as done, or a
/// conditional update that first checks whether it already happened. So a step re-run after a crash or a retry
/// leaves exactly what one run leaves.
/// </summary>
public sealed class OrgProvisioner(OrgTables tables, OrgStore orgs, ChildCounts children, RoleStore roles, TemplateStore templates,
    FileDropHomes homes, NameReservations reservations, IOptions<ProvisioningOptions> options, TimeProvider clock)
{
    public async Task ReserveNameAsync(ProvisioningInput input, CancellationToken cancellationToken)
    {
        var (_, child) = Paths(input);
        var name = OrgName.Create(input.Name);
        var row = OrgRow.NameReservation(child.RootId.Value, name, child.OrgId);
        await tables.EnsureCreatedAsync();
        if (await reservations.LegacyTakenAsync(row.PartitionKey, row.RowKey, RowKeys.LegacyNamesOfTyped(name), NameReservations.OrgHolder,
                child.OrgId.Value, cancellationToken))
        {
            throw new ProvisioningRefusedException($"The name '{name}' is already used by another org of this tree.");
        }
        try
        {
            await tables.Orgs.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var holder = await tables.Orgs.GetEntityIfExistsAsync<OrgNameEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            if (holder.HasValue && holder.Value!.OrgId == child.OrgId.Value)
            {
                return; // reserved by an earlier run of this step
            }
            throw new ProvisioningRefusedException($"The name '{name}' is already used by another org of this tree.");
        }
    }

    public async Task CreateOrgAsync(ProvisioningInput input, CancellationToken cancellationToken)
    {
        var (parentPath, child) = Paths(input);
        var parent = await ActiveParentAsync(parentPath, cancellationToken);
        // ActiveParentAsync refused an inactive parent; the name and description are all that can still be refused.
        if (!OrgName.TryCreate(input.Name, out var name, out var refusal))
        {
            throw new ProvisioningRefusedException(refusal);
        }
        if (Org.DescriptionProblem(input.Description) is { } problem)
        {
            throw new ProvisioningRefusedException(problem);
        }
        var org = Org.CreateChild(parent.Org, child.OrgId, name, input.Description, input.RequestedAt);
        // Index rows only locate (ADR 0004): written first, idempotently.
        await tables.Index.UpsertEntityAsync(OrgRow.Index(org), TableUpdateMode.Replace, cancellationToken);
        var row = OrgRow.Create(org, OrgSettings.ForChildOf(parent.Settings, parent.Org.Id), clock.GetUtcNow());
        var limit = options.Value.MaxChildrenPerOrg;
        for (var attempt = 1; ; attempt++)
        {
            // The key holds the new org's fresh id: a row there can only be this step's own, from an earlier run.
            if ((await tables.Orgs.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, select: ["RowKey"],
                    cancellationToken: cancellationToken)).HasValue)
            {
                return;
            }
            var (count, increment) = await children.ReserveAsync(parentPath, cancellationToken);
            if (count >= limit)
            {
                throw new ProvisioningRefusedException($"The org already has {limit} sub-orgs, the limit.");
            }
            var write = new PartitionWrite(row.PartitionKey).Together([new TableTransactionAction(TableTransactionActionType.Add, row), increment]);
            if ((await write.SubmitAsync(tables, cancellationToken)).Applied)
            {
                return;
            }
            // Another child took a slot (or this row was written by a racing run of this step): look again. Past the
            // last attempt the activity's own retry takes over.
            if (attempt == ChildCounts.MaxAttempts)
            {
                throw new InvalidOperationException($"Org {child.OrgId} lost the race for a child slot {attempt} times; the step is retried.");
            }
            await ChildCounts.BackOffAsync(attempt, cancellationToken);
        }
    }

    /// <summary>The parent's inheritable settings, inherited (with provenance), then the request's overrides.</summary>
    public async Task CopySettingsAsync(ProvisioningInput input, CancellationToken cancellationToken)
    {
        var (parentPath, child) = Paths(input);
        var parent = await ActiveParentAsync(parentPath, cancellationToken);
        var record = await ProvisioningOrgAsync(child, cancellationToken);
        if (record is null)
        {
            return; // already active: this step's work is long done
        }
        if (!OrgSettings.TryForChildOf(parent.Settings, parent.Org.Id, ProvisioningRequest.ReadOverrides(input.OverridesJson),
                out var settings, out var refusal))
        {
            throw new ProvisioningRefusedException(refusal);
        }
        await tables.Orgs.UpdateEntityAsync(OrgRow.Create(record.Org, settings, clock.GetUtcNow()), record.ETag, TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>The system roles always; the parent's custom roles (same ids, with their name reservations) when asked.</summary>
    public async Task<int> CopyRolesAsync(ProvisioningInput input, CancellationToken cancellationToken)
    {
        var (parentPath, child) = Paths(input);
        List<ITableEntity> rows = [.. SystemRoles.Create().Select(role => RoleRow.Create(child, role))];
        if (input.CopyRoles)
        {
            foreach (var role in (await roles.ListAsync(parentPath, cancellationToken)).Where(r => !r.Role.IsSystem))
            {
                rows.Add(RoleRow.Create(child, role.Role));
                rows.Add(RoleRow.NameReservation(child.RootId.Value, RowKeys.RoleName(child.OrgId, role.Role.Name), role.Role.Id));
            }
        }
        await UpsertAsync(child.RootId.Value, rows, cancellationToken);
        return rows.Count(r => r is RoleEntity);
    }

    /// <summary>The parent's templates (same ids, with their name reservations), each marked inherited from where it came.</summary>
    public async Task<int> CopyTemplatesAsync(ProvisioningInput input, CancellationToken cancellationToken)
    {
        if (!input.CopyTemplates)
        {
            return 0;
        }
        var (parentPath, child) = Paths(input);
        var rows = new List<ITableEntity>();
        foreach (var record in await templates.ListAsync(parentPath, cancellationToken))
        {
            var copy = record.Template.CopyFor(parentPath.OrgId);
            rows.Add(TemplateRow.Create(child, copy));
            rows.Add(TemplateRow.NameReservation(child, copy));
        }
        await UpsertAsync(child.RootId.Value, rows, cancellationToken);
        return rows.Count / 2;
    }

    /// <summary>
    /// Adds the chosen sender IDs the parent holds, as a sub-org adds one from its parent (same id, naming the parent);
    /// one the parent no longer holds is skipped (the starter refused those it lacked when the request came).
    /// </summary>
    public async Task<int> AttachSenderIdsAsync(ProvisioningInput input, CancellationToken cancellationToken)
    {
        var (parentPath, child) = Paths(input);
        var rows = new List<SenderIdEntity>();
        foreach (var senderId in input.SenderIds.Distinct(StringComparer.Ordinal))
        {
            var parentRow = await tables.Orgs.GetEntityIfExistsAsync<SenderIdEntity>(parentPath.RootId.Value,
                RowKeys.Sender(parentPath.OrgId, senderId), cancellationToken: cancellationToken);
            if (parentRow.HasValue)
            {
                var parent = SenderIdRow.Read(parentRow.Value!);
                rows.Add(SenderIdRow.Create(child, parent.SenderId.AttachTo(parentPath.OrgId.Value, null)));
            }
        }
        await UpsertAsync(child.RootId.Value, rows, cancellationToken);
        return rows.Count;
    }

    public async Task CreateDefaultWorkspaceAsync(ProvisioningInput input, CancellationToken cancellationToken)
    {
        var (_, child) = Paths(input);
        var workspace = Domain.Workspaces.Workspace.Default(input.RequestedAt);
        // Upserts, so a re-run is a no-op: the new org has no other workspace whose name the reservation could clash with.
        await UpsertAsync(child.RootId.Value, [WorkspaceRow.Create(child, workspace), WorkspaceRow.NameReservation(child, workspace)], cancellationToken);
    }

    /// <summary>The org's SFTP home, a container only its own SFTP credentials reach; create-if-not-exists, so a re-run is a no-op.</summary>
    public Task CreateFileDropHomeAsync(ProvisioningInput input, CancellationToken cancellationToken) =>
        homes.CreateAsync(OrgId.Parse(input.OrgId), cancellationToken);

    /// <summary>Marks the org active and stores <c>org.created</c> in the same transaction; a second run finds it active and stops.</summary>
    public async Task ActivateAsync(ActivationInput activation, CancellationToken cancellationToken)
    {
        var input = activation.Request;
        var (parentPath, child) = Paths(input);
        var record = await orgs.GetAsync(new OrgLocation(child.OrgId, child), cancellationToken, includeDeleted: true)
            ?? throw new InvalidOperationException($"Org {child.OrgId} has no row to activate.");
        if (record.Org.Status == OrgStatus.Active)
        {
            return;
        }
        if (record.Org.Status != OrgStatus.Provisioning)
        {
            throw new ProvisioningRefusedException($"Org {child.OrgId} is {record.Org.Status} and can't be activated.");
        }
        var org = record.Org;
        org.Activate();
        var partition = child.RootId.Value;
        var created = new DomainEvent(activation.EventId, EventTypes.OrgCreated, org.Id.Value, activation.At, input.Actor,
            new JsonObject { ["name"] = org.Name.Value, ["parentId"] = parentPath.OrgId.Value });
        var result = await orgs.SubmitAsync(
        [
            new(TableTransactionActionType.UpdateReplace, OrgRow.Create(org, record.Settings, clock.GetUtcNow()), record.ETag),
            OutboxRows.Add(partition, created),
        ], cancellationToken);
        if (!result.Applied)
        {
            throw new InvalidOperationException($"Org {child.OrgId} changed while being activated; the step is retried.");
        }
    }

    /// <summary>
    /// Undoes a failed provisioning: removes every row the steps wrote under the new org, marks the org row deleted
    /// (Provisioning → Deleted), removes its SFTP home, and frees the name if this provisioning holds it. Safe to run again, and on an org
    /// only partly made (or not made at all).
    /// </summary>
    public async Task CompensateAsync(ProvisioningInput input, CancellationToken cancellationToken)
    {
        var (parentPath, child) = Paths(input);
        var partition = child.RootId.Value;
        var record = await orgs.GetAsync(new OrgLocation(child.OrgId, child), cancellationToken, includeDeleted: true);
        if (record?.Org.Status == OrgStatus.Active)
        {
            return; // activation went through after all: the org is whole, nothing to undo
        }
        foreach (var prefix in new[]
                 {
                     RowKeys.TemplatePrefix(child.OrgId), RowKeys.TemplateNamePrefix(child.OrgId), RowKeys.RolePrefix(child.OrgId),
                     RowKeys.RoleNamePrefix(child.OrgId), RowKeys.SenderPrefix(child.OrgId), RowKeys.WorkspacePrefix(child.OrgId),
                     RowKeys.WorkspaceNamePrefix(child.OrgId),
                 })
        {
            await DeleteRangeAsync(partition, prefix, cancellationToken);
        }
        for (var attempt = 1; record is { Org.Status: OrgStatus.Provisioning }; attempt++)
        {
            // The move to Deleted gives the parent's child slot back, in the same transaction.
            record.Org.Delete();
            List<TableTransactionAction> actions =
                [new(TableTransactionActionType.UpdateReplace, OrgRow.Create(record.Org, record.Settings, clock.GetUtcNow()), record.ETag)];
            if (await children.ReleaseAsync(parentPath, cancellationToken) is { } release)
            {
                actions.Add(release);
            }
            var result = await new PartitionWrite(partition).Together(actions).SubmitAsync(tables, cancellationToken);
            if (result.Applied)
            {
                break;
            }
            if (!result.IsStale || attempt == ChildCounts.MaxAttempts)
            {
                throw new InvalidOperationException($"Org {child.OrgId} changed while its provisioning was undone; the step is retried.");
            }
            await ChildCounts.BackOffAsync(attempt, cancellationToken);
            record = await orgs.GetAsync(new OrgLocation(child.OrgId, child), cancellationToken, includeDeleted: true);
        }
        await homes.RemoveAsync([child.OrgId], cancellationToken);
        var name = OrgName.Create(input.Name);
        if (await reservations.HeldAsync(partition, RowKeys.Name(name), RowKeys.LegacyName(name), NameReservations.OrgHolder,
                child.OrgId.Value, cancellationToken) is var (nameKey, _))
        {
            var holder = await tables.Orgs.GetEntityIfExistsAsync<OrgNameEntity>(partition, nameKey, cancellationToken: cancellationToken);
            if (holder.HasValue && holder.Value!.OrgId == child.OrgId.Value)
            {
                await tables.Orgs.DeleteEntityAsync(partition, nameKey, holder.Value.ETag, cancellationToken);
            }
        }
    }

    private async Task<OrgRecord> ActiveParentAsync(OrgPath parentPath, CancellationToken cancellationToken)
    {
        var parent = await orgs.GetAsync(new OrgLocation(parentPath.OrgId, parentPath), cancellationToken);
        return parent is { Org.Status: OrgStatus.Active }
            ? parent
            : throw new ProvisioningRefusedException($"The parent org {parentPath.OrgId} is no longer active.");
    }

    /// <summary>The org being provisioned; null when it is already active.</summary>
    private async Task<OrgRecord?> ProvisioningOrgAsync(OrgPath child, CancellationToken cancellationToken)
    {
        var record = await orgs.GetAsync(new OrgLocation(child.OrgId, child), cancellationToken, includeDeleted: true)
            ?? throw new InvalidOperationException($"Org {child.OrgId} has no row yet.");
        return record.Org.Status switch
        {
            OrgStatus.Provisioning => record,
            OrgStatus.Active => null,
            _ => throw new ProvisioningRefusedException($"Org {child.OrgId} is {record.Org.Status}, not provisioning."),
        };
    }

    /// <summary>Rows of one tree, replaced whole: a re-run writes the same rows again.</summary>
    private async Task UpsertAsync(string partition, IEnumerable<ITableEntity> rows, CancellationToken cancellationToken)
    {
        var write = new PartitionWrite(partition).Each(rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        await SubmitAsync(write, cancellationToken);
    }

    private async Task DeleteRangeAsync(string partition, string prefix, CancellationToken cancellationToken)
    {
        var filter = RowKeys.PrefixFilter(partition, prefix);
        var write = new PartitionWrite(partition);
        await foreach (var row in tables.Orgs.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            write.Each([new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row.RowKey), ETag.All)]);
        }
        await SubmitAsync(write, cancellationToken);
    }

    /// <summary>Upserts and unconditional deletes don't lose races; a refusal here is a fault the activity's retry handles.</summary>
    private async Task SubmitAsync(PartitionWrite write, CancellationToken cancellationToken)
    {
        if (!(await write.SubmitAsync(tables, cancellationToken)).Applied)
        {
            throw new InvalidOperationException($"A write to tree {write.PartitionKey} was refused; the step is retried.");
        }
    }

    private static (OrgPath Parent, OrgPath Child) Paths(ProvisioningInput input)
    {
        var parent = OrgPath.Parse(input.ParentPath);
        return (parent, parent.Child(OrgId.Parse(input.OrgId)));
    }
}
