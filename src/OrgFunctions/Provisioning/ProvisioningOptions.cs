using System.ComponentModel.DataAnnotations;

namespace OrgFunctions.Provisioning;

/// <summary>
/// Limits and retry settings of sub-org provisioning, bound from the <c>Provisioning</c> configuration section
/// (e.g. <c>Provisioning:MaxDepth</c>, or <c>Provisioning__MaxDepth</c> as an app setting) and validated at start.
/// </summary>
public sealed class ProvisioningOptions
{
    public const string Section = "Provisioning";

    /// <summary>How deep a tree may grow: a root is depth 0, so 10 allows ten levels of sub-orgs under it.</summary>
    [Range(1, 100)]
    public int MaxDepth { get; set; } = 10;

    /// <summary>How many live (or provisioning) children one org may have.</summary>
    [Range(1, 100_000)]
    public int MaxChildrenPerOrg { get; set; } = 1000;

    /// <summary>Attempts per provisioning step, the first included, before the step counts as failed.</summary>
    [Range(1, 20)]
    public int StepMaxAttempts { get; set; } = 5;

    /// <summary>The first back-off between attempts, doubled after each further failure (up to a minute).</summary>
    [Range(0.001, 60)]
    public double StepFirstRetrySeconds { get; set; } = 2;
}
