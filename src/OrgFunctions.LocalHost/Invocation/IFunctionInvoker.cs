using OrgFunctions.LocalHost.Discovery;

namespace OrgFunctions.LocalHost.Invocation;

/// <summary>Runs one function: creates its class through DI, binds its parameters, awaits it.</summary>
public interface IFunctionInvoker
{
    /// <summary>
    /// The function's return value (the result of a returned Task/ValueTask; null for void).
    /// An exception thrown by the function propagates unchanged; the trigger binding decides what it means.
    /// </summary>
    Task<object?> InvokeAsync(LocalFunction function, InvocationRequest invocation);
}
