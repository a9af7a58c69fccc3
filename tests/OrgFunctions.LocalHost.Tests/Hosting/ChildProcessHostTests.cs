using System.Net.Http.Json;
using System.Text.Json;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing.Hosting;

namespace OrgFunctions.LocalHost.Tests.Hosting;

/// <summary>The host as its own process, hosting this assembly's samples through --functions-assembly.</summary>
public sealed class ChildProcessHostTests
{
    [Fact]
    public async Task AChildProcessHostServesFunctionsOfAnExtraAssembly()
    {
        await using var host = ChildLocalHost.Start(SampleHost.Arguments());
        await host.WaitUntilAnswersAsync("api/hello?name=Child");

        var body = await host.Client.GetFromJsonAsync<JsonElement>("api/hello?name=Child");

        Assert.Equal("Hello, Child!", body.GetProperty("greeting").GetString());
        Assert.Contains($"hello: [GET] http://127.0.0.1:{host.Port}/api/hello", host.Output);
    }
}
