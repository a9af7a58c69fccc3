using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Marks a function run on a schedule (Worker.Extensions.Timer).</summary>
public sealed class TimerTriggerAttribute : TriggerBindingAttribute
{
    /// <param name="schedule">A six-field NCRONTAB expression, a TimeSpan ("00:30:00"), or %SettingName%.</param>
    public TimerTriggerAttribute(string schedule)
    {
        Schedule = schedule;
        UseMonitor = true;
    }

    public string Schedule { get; private set; }

    public bool UseMonitor { get; set; }

    public bool RunOnStartup { get; set; }
}
