namespace OrgFunctions.Provisioning;

/// <summary>
/// A step can't succeed however often it is retried (the name is taken, the parent is gone): the orchestration's retry
/// policy doesn't retry it, and its message becomes the failed status's error, so it must be fit for the API caller.
/// </summary>
public sealed class ProvisioningRefusedException(string message) : Exception(message);

/// <summary>Ends a failed orchestration after compensation; its message is the failed step and the reason.</summary>
public sealed class ProvisioningFailedException(string message) : Exception(message);
