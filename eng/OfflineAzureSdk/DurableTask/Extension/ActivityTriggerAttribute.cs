using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Marks the input parameter of an activity function (Worker.Extensions.DurableTask).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ActivityTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>The activity's name; <c>null</c> means the function's name.</summary>
    public string? Activity { get; set; }
}
