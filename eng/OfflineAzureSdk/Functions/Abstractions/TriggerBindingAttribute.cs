namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>Base of the attributes that mark a function's trigger parameter.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class TriggerBindingAttribute : BindingAttribute
{
    public TriggerBindingAttribute()
    {
    }
}
