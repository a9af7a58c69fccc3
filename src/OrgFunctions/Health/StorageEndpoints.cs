namespace OrgFunctions.Health;

/// <summary>
/// The three service endpoints named by a storage connection string (explicit endpoints, an account with an
/// endpoint suffix, or UseDevelopmentStorage=true). Only the probe needs this; storage clients parse their own.
/// </summary>
internal sealed record StorageEndpoints(Uri Tables, Uri Blobs, Uri Queues)
{
    public static StorageEndpoints Parse(string connectionString)
    {
        var settings = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);

        var development = settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev;
        settings.TryGetValue("AccountName", out var account);
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");

        Uri Endpoint(string key, string service, int developmentPort)
        {
            if (settings.TryGetValue(key, out var explicitEndpoint) && explicitEndpoint.Length > 0)
            {
                return new Uri(explicitEndpoint);
            }
            if (development)
            {
                return new Uri($"http://127.0.0.1:{developmentPort}/devstoreaccount1");
            }
            return account is null
                ? throw new FormatException($"The storage connection string names neither {key} nor AccountName.")
                : new Uri($"{protocol}://{account}.{service}.{suffix}");
        }

        return new StorageEndpoints(Endpoint("TableEndpoint", "table", 10002), Endpoint("BlobEndpoint", "blob", 10000),
            Endpoint("QueueEndpoint", "queue", 10001));
    }
}
