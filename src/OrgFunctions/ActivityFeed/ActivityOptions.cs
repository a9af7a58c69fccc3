namespace OrgFunctions.ActivityFeed;

/// <summary>The configuration section <c>Activity</c> (environment <c>Activity__RetentionDays</c>).</summary>
public sealed class ActivityOptions : OrgFunctions.Configuration.IValidatedOptions
{
    public const string Section = "Activity";

    /// <summary>How many days an event stays in the feeds; the hourly sweep deletes older rows.</summary>
    public int RetentionDays { get; set; } = 90;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    public IEnumerable<string> Problems()
    {
        if (RetentionDays is < 1 or > 3650)
        {
            yield return "Activity:RetentionDays must be from 1 to 3650.";
        }
    }
}
