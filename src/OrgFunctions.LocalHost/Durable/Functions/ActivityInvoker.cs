namespace OrgFunctions.LocalHost.Durable.Functions;

/// <summary>Runs an activity function with its serialized input; returns its result (to be serialized).</summary>
internal delegate Task<object?> ActivityInvoker(string? serializedInput, CancellationToken cancellation);
