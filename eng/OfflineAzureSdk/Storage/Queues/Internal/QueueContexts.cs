using Azure.Core;
using Azure.Internal;
using Azure.Storage.Internal;

namespace Azure.Storage.Queues.Internal;

/// <summary>Builds the shared pipeline for each way a queue client can be constructed.</summary>
internal static class QueueContexts
{
    public static StorageClientContext FromConnectionString(StorageConnectionString connectionString, QueueClientOptions options)
    {
        if (connectionString.AccountKey is { } key)
        {
            return StorageClientContext.Create(options, Version(options), new StorageSharedKeyCredential(connectionString.AccountName, key));
        }
        return StorageClientContext.CreateSas(options, Version(options), connectionString.SharedAccessSignature!);
    }

    public static StorageClientContext Anonymous(QueueClientOptions options) =>
        StorageClientContext.Create(options, Version(options), sharedKey: null);

    public static StorageClientContext SharedKey(StorageSharedKeyCredential credential, QueueClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return StorageClientContext.Create(options, Version(options), credential);
    }

    public static StorageClientContext Token(Uri uri, TokenCredential credential, QueueClientOptions options) =>
        StorageClientContext.Create(options, Version(options), credential, uri);

    private static string Version(QueueClientOptions options) => ServiceVersions.ToHeaderValue(options.Version);
}
