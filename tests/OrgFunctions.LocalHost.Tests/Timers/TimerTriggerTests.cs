using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.LocalHost.Hosting;
using OrgFunctions.LocalHost.Tests.Samples;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.LocalHost.Timers;

namespace OrgFunctions.LocalHost.Tests.Timers;

/// <summary>Timer functions in the running host.</summary>
public sealed class TimerTriggerTests
{
    private static Task<SampleHost> StartAsync(TimerProbe probe, params string[] arguments) =>
        SampleHost.StartAsync((services, _) => services.AddSingleton(probe), extraArguments: arguments);

    [Fact]
    public async Task RunOnStartupRunsTheFunctionWhenTheHostStarts()
    {
        var probe = new TimerProbe();
        await using var host = await StartAsync(probe);
        var (function, info) = await Await.NextAsync(probe.Started.Reader);
        Assert.Equal("startupTimer", function);
        Assert.False(info.IsPastDue);
    }

    [Fact]
    public async Task RunsOfOneTimerNeverOverlap()
    {
        var probe = new TimerProbe { Gate = new SemaphoreSlim(0) };
        await using var host = await StartAsync(probe);
        Assert.Equal("startupTimer", (await Await.NextAsync(probe.Started.Reader)).Function);
        var timers = host.Host.Services.GetRequiredService<TimerTriggerBinding>();

        var first = timers.RunNowAsync("slowTimer");
        Assert.Equal("slowTimer", (await Await.NextAsync(probe.Started.Reader)).Function);
        var second = timers.RunNowAsync("slowTimer");
        Assert.False(second.IsCompleted);
        probe.Gate.Release(2);
        await Task.WhenAll(first, second).Within();

        var slow = probe.Events.Where(e => e.Contains("slowTimer")).Select(e => e.Split(':')[0]).ToList();
        Assert.Equal(["start", "end", "start", "end"], slow);
    }

    [Fact]
    public async Task TheAdminEndpointRunsATimerFunctionOnDemand()
    {
        var probe = new TimerProbe();
        await using var host = await StartAsync(probe, SampleHost.EnableAdmin);
        Assert.Equal("startupTimer", (await Await.NextAsync(probe.Started.Reader)).Function);

        var response = await host.Client.PostAsync("admin/functions/settingTimer", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("settingTimer", (await Await.NextAsync(probe.Started.Reader)).Function);
    }

    [Fact]
    public async Task AnInvalidScheduleStopsTheHostFromStartingNamingTheFunctionAndTheExpression()
    {
        await using var host = LocalFunctionsHost.Create([.. SampleHost.Arguments(), $"--{TimerSamples.ScheduleSetting}=0 0 25 * * *"],
            (services, _) => services.AddSingleton(new TimerProbe()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        await host.StopAsync();

        Assert.Contains("settingTimer", error.Message);
        Assert.Contains("'0 0 25 * * *' is not a valid NCRONTAB expression", error.Message);
    }
}
