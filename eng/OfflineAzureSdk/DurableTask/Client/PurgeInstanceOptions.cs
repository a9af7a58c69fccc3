namespace Microsoft.DurableTask.Client;

/// <summary>Options for purging an instance.</summary>
public record PurgeInstanceOptions(bool Recursive = false);
