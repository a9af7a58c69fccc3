namespace OrgFunctions.Provisioning;

/// <summary>
/// What the provisioning orchestration is started with. Everything a step needs is here, decided by the starter
/// (the new org's id included), so that every activity, re-run after a crash, writes exactly the same rows.
/// </summary>
public sealed record ProvisioningInput(
    string OrgId,
    string ParentPath,
    string Name,
    string? Description,
    string? OverridesJson,
    bool CopyRoles,
    bool CopyTemplates,
    IReadOnlyList<string> SenderIds,
    string Actor,
    DateTimeOffset RequestedAt,
    int StepMaxAttempts,
    double StepFirstRetrySeconds);

/// <summary>The activation step's input: the event id and time come from the orchestration, so a re-run repeats them.</summary>
public sealed record ActivationInput(ProvisioningInput Request, string EventId, DateTimeOffset At);

/// <summary>The orchestration's custom status: the step it is on (or failed at), and why it failed.</summary>
public sealed record ProvisioningProgress(string Step, string OrgId, string? Error);

/// <summary>The orchestration's output when it completes.</summary>
public sealed record ProvisioningResult(string OrgId);
