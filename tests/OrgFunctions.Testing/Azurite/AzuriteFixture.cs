namespace OrgFunctions.Testing.Azurite;

/// <summary>
/// xunit class fixture handing out the process-wide Azurite. Tests isolate themselves by using
/// unique table, queue and container names (<see cref="UniqueName"/>), not separate servers.
/// </summary>
public sealed class AzuriteFixture
{
    // xunit builds class fixtures through their only public constructor.
    public AzuriteFixture() => Server = AzuriteServer.Shared;

    private AzuriteFixture(AzuriteServer server) => Server = server;

    /// <summary>
    /// Over a server of its own: for a host whose every storage request is counted, since the app's fixed names (the
    /// webhook delivery queue, the outbox's pending-tree marks) are shared by every host on one server.
    /// </summary>
    public static AzuriteFixture Over(AzuriteServer server) => new(server);

    public AzuriteServer Server { get; }

    public string ConnectionString => Server.ConnectionString;

    /// <summary>A name valid for a table, queue or container, unique in this process.</summary>
    public static string UniqueName(string prefix) =>
        (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(prefix.Length + 32, 63)].ToLowerInvariant();
}
