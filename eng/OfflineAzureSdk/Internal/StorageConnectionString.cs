namespace Azure.Internal;

/// <summary>
/// An Azure Storage connection string, parsed the way the real clients read it: either
/// <c>UseDevelopmentStorage=true</c> (Azurite on its standard ports) or an account string with
/// <c>AccountName</c>/<c>AccountKey</c> and explicit endpoints or an endpoint suffix.
/// Internal: each real package keeps its own parser private too.
/// </summary>
internal sealed class StorageConnectionString
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Azurite's and the storage emulator's published development key; it grants nothing outside them.
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnectionString(string accountName, string? accountKey, string? sharedAccessSignature,
        Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        SharedAccessSignature = sharedAccessSignature;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
    }

    public string AccountName { get; }
    public string? AccountKey { get; }
    public string? SharedAccessSignature { get; }
    public Uri BlobEndpoint { get; }
    public Uri QueueEndpoint { get; }
    public Uri TableEndpoint { get; }

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                throw new FormatException("Connection string doesn't have value for keyword '" + part + "'.");
            }
            settings[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            return new StorageConnectionString(DevelopmentAccountName, DevelopmentAccountKey, null,
                Endpoint(settings, "BlobEndpoint") ?? new Uri("http://127.0.0.1:10000/devstoreaccount1"),
                Endpoint(settings, "QueueEndpoint") ?? new Uri("http://127.0.0.1:10001/devstoreaccount1"),
                Endpoint(settings, "TableEndpoint") ?? new Uri("http://127.0.0.1:10002/devstoreaccount1"));
        }

        settings.TryGetValue("AccountName", out var accountName);
        settings.TryGetValue("AccountKey", out var accountKey);
        settings.TryGetValue("SharedAccessSignature", out var sas);
        var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var p) ? p : "https";
        var suffix = settings.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";

        Uri Default(string service) => accountName is null
            ? throw new FormatException("Connection string must name AccountName or an explicit " + service + " endpoint.")
            : new Uri($"{protocol}://{accountName}.{service}.{suffix}");

        var blob = Endpoint(settings, "BlobEndpoint") ?? Default("blob");
        var queue = Endpoint(settings, "QueueEndpoint") ?? Default("queue");
        var table = Endpoint(settings, "TableEndpoint") ?? Default("table");
        if (accountName is null)
        {
            throw new FormatException("Connection string must name AccountName.");
        }
        if (accountKey is null && sas is null)
        {
            throw new FormatException("Connection string must have AccountKey or SharedAccessSignature.");
        }
        return new StorageConnectionString(accountName, accountKey, sas?.TrimStart('?'), blob, queue, table);
    }

    private static Uri? Endpoint(Dictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var value) && value.Length > 0 ? new Uri(value.TrimEnd('/')) : null;
}
