using Microsoft.Azure.Functions.Worker;

namespace OrgFunctions.Provisioning;

/// <summary>The provisioning activities: thin triggers over <see cref="OrgProvisioner"/>, one per step.</summary>
public sealed class ProvisioningActivities(OrgProvisioner provisioner)
{
    [Function(nameof(ReserveOrgName))]
    public Task ReserveOrgName([ActivityTrigger] ProvisioningInput input, CancellationToken cancellationToken) =>
        provisioner.ReserveNameAsync(input, cancellationToken);

    [Function(nameof(CreateOrgRecord))]
    public Task CreateOrgRecord([ActivityTrigger] ProvisioningInput input, CancellationToken cancellationToken) =>
        provisioner.CreateOrgAsync(input, cancellationToken);

    [Function(nameof(CopyOrgSettings))]
    public Task CopyOrgSettings([ActivityTrigger] ProvisioningInput input, CancellationToken cancellationToken) =>
        provisioner.CopySettingsAsync(input, cancellationToken);

    [Function(nameof(CopyOrgRoles))]
    public Task<int> CopyOrgRoles([ActivityTrigger] ProvisioningInput input, CancellationToken cancellationToken) =>
        provisioner.CopyRolesAsync(input, cancellationToken);

    [Function(nameof(CopyOrgTemplates))]
    public Task<int> CopyOrgTemplates([ActivityTrigger] ProvisioningInput input, CancellationToken cancellationToken) =>
        provisioner.CopyTemplatesAsync(input, cancellationToken);

    [Function(nameof(AttachOrgSenderIds))]
    public Task<int> AttachOrgSenderIds([ActivityTrigger] ProvisioningInput input, CancellationToken cancellationToken) =>
        provisioner.AttachSenderIdsAsync(input, cancellationToken);

    [Function(nameof(CreateDefaultWorkspace))]
    public Task CreateDefaultWorkspace([ActivityTrigger] ProvisioningInput input, CancellationToken cancellationToken) =>
        provisioner.CreateDefaultWorkspaceAsync(input, cancellationToken);

    [Function(nameof(CreateFileDropHome))]
    public Task CreateFileDropHome([ActivityTrigger] ProvisioningInput input, CancellationToken cancellationToken) =>
        provisioner.CreateFileDropHomeAsync(input, cancellationToken);

    [Function(nameof(ActivateOrg))]
    public Task ActivateOrg([ActivityTrigger] ActivationInput input, CancellationToken cancellationToken) =>
        provisioner.ActivateAsync(input, cancellationToken);

    [Function(nameof(CompensateProvisioning))]
    public Task CompensateProvisioning([ActivityTrigger] ProvisioningInput input, CancellationToken cancellationToken) =>
        provisioner.CompensateAsync(input, cancellationToken);
}
