namespace OrgFunctions.Health;

/// <summary>Tells whether the app's storage services answer. An interface so the health function is testable without storage.</summary>
public interface IStorageProbe
{
    Task<StorageReachability> ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>Which storage services answered.</summary>
public sealed record StorageReachability(bool Tables, bool Blobs, bool Queues)
{
    public bool All => Tables && Blobs && Queues;
}
