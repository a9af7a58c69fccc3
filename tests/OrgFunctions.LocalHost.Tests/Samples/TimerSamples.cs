using Microsoft.Azure.Functions.Worker;

namespace OrgFunctions.LocalHost.Tests.Samples;

/// <summary>Timer functions hosted by the tests. Their schedules are yearly so that only tests make them run.</summary>
public sealed class TimerSamples(TimerProbe probe)
{
    public const string ScheduleSetting = "SampleSchedule";

    [Function("startupTimer")]
    public Task Startup([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer) =>
        probe.RunAsync("startupTimer", timer, slow: false);

    [Function("slowTimer")]
    public Task Slow([TimerTrigger("0 0 0 1 1 *")] TimerInfo timer) => probe.RunAsync("slowTimer", timer, slow: true);

    [Function("settingTimer")]
    public Task FromSetting([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer) =>
        probe.RunAsync("settingTimer", timer, slow: false);
}
