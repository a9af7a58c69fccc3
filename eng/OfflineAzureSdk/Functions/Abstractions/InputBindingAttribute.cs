namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>Base of the attributes that mark an input-bound parameter (e.g. DurableClient).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class InputBindingAttribute : BindingAttribute
{
    public InputBindingAttribute()
    {
    }
}
