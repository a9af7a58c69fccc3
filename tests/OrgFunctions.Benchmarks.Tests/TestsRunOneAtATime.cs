// The quick benchmarks share one Azurite per process, and each starts an app whose Service Bus trigger reads the shared
// webhook-deliveries queue: run side by side, one app's trigger delivered the webhook benchmark's messages before the
// benchmark handled them itself ("Not every delivery reached the receiver"). Ratios measured side by side are noise too.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
