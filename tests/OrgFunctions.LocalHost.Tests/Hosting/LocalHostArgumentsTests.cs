using OrgFunctions.LocalHost.Hosting;

namespace OrgFunctions.LocalHost.Tests.Hosting;

public sealed class LocalHostArgumentsTests
{
    [Fact]
    public void TheArgumentsOfTheHostAreTakenOutAndTheRestKept()
    {
        var parsed = LocalHostArguments.Parse(["--port", "1234", "--functions-assembly", "a.dll", "--functions-assembly=b.dll", "--X=1"]);
        Assert.Equal("1234", parsed.Configuration["LocalHost:Port"]);
        Assert.Equal(Path.GetFullPath("a.dll"), parsed.Configuration["LocalHost:FunctionsAssemblies:0"]);
        Assert.Equal(Path.GetFullPath("b.dll"), parsed.Configuration["LocalHost:FunctionsAssemblies:1"]);
        Assert.Equal(["--X=1"], parsed.Remaining);
    }

    [Fact]
    public void EnableAdminIsAFlagWithoutAValue()
    {
        var parsed = LocalHostArguments.Parse(["--enable-admin", "--port", "0"]);
        Assert.Equal("true", parsed.Configuration["LocalHost:EnableAdminEndpoints"]);
        Assert.Equal("0", parsed.Configuration["LocalHost:Port"]);
        Assert.Empty(parsed.Remaining);
    }
}
