using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Binds a <c>DurableTaskClient</c> parameter (Worker.Extensions.DurableTask).</summary>
public sealed class DurableClientAttribute : InputBindingAttribute
{
    /// <summary>The task hub; <c>null</c> means the one in host.json.</summary>
    public string? TaskHub { get; set; }

    /// <summary>The app setting holding the storage connection; <c>null</c> means <c>AzureWebJobsStorage</c>.</summary>
    public string? ConnectionName { get; set; }
}
