namespace OrgFunctions.LocalHost.Durable.Runtime;

/// <summary>How the local durable engine is set up.</summary>
internal sealed record DurableOptions
{
    public const string DefaultHubName = "TestHubName";

    /// <summary><c>extensions.durableTask.hubName</c> in host.json; names the tables.</summary>
    public string HubName { get; init; } = DefaultHubName;

    /// <summary>How many activities run at once.</summary>
    public int MaxConcurrentActivities { get; init; } = 16;

    /// <summary>How long the engine waits before retrying an episode that failed on storage.</summary>
    public TimeSpan EpisodeRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
