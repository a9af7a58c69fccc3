using Azure.Core;
using Azure.Internal;
using Azure.Storage.Internal;

namespace Azure.Storage.Blobs.Internal;

/// <summary>Builds the shared pipeline for each way a blob client can be constructed.</summary>
internal static class BlobContexts
{
    public static StorageClientContext FromConnectionString(StorageConnectionString connectionString, BlobClientOptions? options)
    {
        options ??= new BlobClientOptions();
        if (connectionString.AccountKey is { } key)
        {
            return StorageClientContext.Create(options, Version(options), new StorageSharedKeyCredential(connectionString.AccountName, key));
        }
        return StorageClientContext.CreateSas(options, Version(options), connectionString.SharedAccessSignature!);
    }

    public static StorageClientContext Anonymous(BlobClientOptions? options)
    {
        options ??= new BlobClientOptions();
        return StorageClientContext.Create(options, Version(options), sharedKey: null);
    }

    public static StorageClientContext SharedKey(StorageSharedKeyCredential credential, BlobClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new BlobClientOptions();
        return StorageClientContext.Create(options, Version(options), credential);
    }

    public static StorageClientContext Token(Uri uri, TokenCredential credential, BlobClientOptions? options)
    {
        options ??= new BlobClientOptions();
        return StorageClientContext.Create(options, Version(options), credential, uri);
    }

    private static string Version(BlobClientOptions options) => ServiceVersions.ToHeaderValue(options.Version);
}
