using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.LocalHost.Discovery;

namespace OrgFunctions.LocalHost.Invocation;

internal sealed class LocalFunctionDefinition(LocalFunction function) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters { get; } =
        [.. function.Method.GetParameters().Select(p => new FunctionParameter(p.Name ?? "", p.ParameterType))];

    public override string PathToAssembly => function.ClassType.Assembly.Location;

    public override string EntryPoint => $"{function.ClassType.FullName}.{function.Method.Name}";

    public override string Id => function.Id;

    public override string Name => function.Name;

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
        ImmutableDictionary<string, BindingMetadata>.Empty;

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } =
        ImmutableDictionary<string, BindingMetadata>.Empty;
}
