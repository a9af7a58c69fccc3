using Microsoft.Azure.Functions.Worker;
using OrgFunctions.LocalHost.Discovery;

namespace OrgFunctions.LocalHost.Invocation;

/// <summary>The <see cref="FunctionContext"/> of one local invocation.</summary>
internal sealed class LocalFunctionContext : FunctionContext
{
    public LocalFunctionContext(LocalFunction function, InvocationRequest invocation, IServiceProvider services)
    {
        FunctionDefinition = new LocalFunctionDefinition(function);
        BindingContext = new LocalBindingContext(invocation.BindingData);
        RetryContext = new LocalRetryContext(invocation.RetryCount, invocation.MaxRetryCount);
        InstanceServices = services;
        CancellationToken = invocation.CancellationToken;
        TraceContext = LocalTraceContext.FromCurrentActivity();
        foreach (var (key, value) in invocation.Items)
        {
            Items[key] = value;
        }
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext { get; }

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext { get; }

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new InvocationFeatures();

    public override CancellationToken CancellationToken { get; }
}
