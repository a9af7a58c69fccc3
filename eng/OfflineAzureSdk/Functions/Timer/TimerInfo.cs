namespace Microsoft.Azure.Functions.Worker;

/// <summary>What a timer-triggered function is told about its run.</summary>
public class TimerInfo
{
    public ScheduleStatus? ScheduleStatus { get; set; }

    public bool IsPastDue { get; set; }
}
