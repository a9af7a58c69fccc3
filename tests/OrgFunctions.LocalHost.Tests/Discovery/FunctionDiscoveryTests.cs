using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Functions;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Tests.Samples;

namespace OrgFunctions.LocalHost.Tests.Discovery;

public sealed class FunctionDiscoveryTests
{
    [Fact]
    public void TheAppsFunctionsAreFoundByTheirAttributes()
    {
        var health = FunctionDiscovery.Discover([typeof(HealthFunction).Assembly]).Single(f => f.Name == "health");
        Assert.Equal(typeof(HealthFunction), health.ClassType);
        Assert.IsType<HttpTriggerAttribute>(health.Trigger);
        Assert.Equal("request", health.TriggerParameter.Name);
    }

    [Fact]
    public void FunctionsOfAnExtraAssemblyAreFoundToo()
    {
        var names = FunctionDiscovery.Discover([typeof(HealthFunction).Assembly, typeof(HttpSamples).Assembly]).Select(f => f.Name).ToList();
        Assert.Contains("health", names);
        Assert.Contains("hello", names);
        Assert.Contains("slowTimer", names);
        Assert.Contains("workerTypes", names); // a static method
    }

    [Fact]
    public void TheSameAssemblyTwiceIsOneSetOfFunctions() =>
        Assert.Single(FunctionDiscovery.Discover([typeof(HealthFunction).Assembly, typeof(HealthFunction).Assembly]), f => f.Name == "health");

    [Fact]
    public void TheFunctionIdIsStable()
    {
        var first = FunctionDiscovery.Discover([typeof(HttpSamples).Assembly]).Single(f => f.Name == "hello");
        var second = FunctionDiscovery.Discover([typeof(HttpSamples).Assembly]).Single(f => f.Name == "hello");
        Assert.Equal(first.Id, second.Id);
    }
}
