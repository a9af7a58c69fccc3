using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.LocalHost.Tests.Samples;
using OrgFunctions.LocalHost.Tests.Support;

namespace OrgFunctions.LocalHost.Tests.Hosting;

/// <summary><c>POST /admin/functions/{name}</c>: only behind the explicit development flag.</summary>
public sealed class AdminEndpointsTests
{
    private static Task<SampleHost> StartAsync(params string[] arguments) =>
        SampleHost.StartAsync((services, _) => services.AddSingleton(new TimerProbe()), extraArguments: arguments);

    private static Task<HttpResponseMessage> RunAsync(SampleHost host, string function) =>
        host.Client.PostAsync($"admin/functions/{function}", new StringContent("{}", Encoding.UTF8, "application/json"));

    [Fact]
    public async Task WithoutTheFlagTheEndpointIsNotServed()
    {
        await using var host = await StartAsync();

        using var response = await RunAsync(host, "settingTimer");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("--enable-admin")]
    [InlineData("--LocalHost:EnableAdminEndpoints=true")]
    public async Task WithTheFlagOrTheSettingItStartsTheFunction(string flag)
    {
        await using var host = await StartAsync(flag);

        using var response = await RunAsync(host, "settingTimer");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task ItAnswers404ForAnUnknownFunctionAnd400ForAnHttpOne()
    {
        await using var host = await StartAsync(SampleHost.EnableAdmin);

        Assert.Equal(HttpStatusCode.NotFound, (await RunAsync(host, "nope")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RunAsync(host, "hello")).StatusCode);
    }
}
