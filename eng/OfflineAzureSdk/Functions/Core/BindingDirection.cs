namespace Microsoft.Azure.Functions.Worker;

/// <summary>Direction of a binding.</summary>
public enum BindingDirection
{
    In = 0,
    Out = 1,
}
