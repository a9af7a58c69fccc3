namespace OrgFunctions.Testing.Azurite;

/// <summary>
/// xunit class fixture handing out the process-wide Azurite. Tests isolate themselves by using
/// unique table, queue and container names (<see cref="UniqueName"/>), not separate servers.
/// </summary>
public sealed class AzuriteFixture
{
    public AzuriteServer Server { get; } = AzuriteServer.Shared;

    public string ConnectionString => Server.ConnectionString;

    /// <summary>A name valid for a table, queue or container, unique in this process.</summary>
    public static string UniqueName(string prefix) =>
        (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(prefix.Length + 32, 63)].ToLowerInvariant();
}
