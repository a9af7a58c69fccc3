namespace OrgFunctions.Configuration;

/// <summary>
/// Where the app's storage account is, from the Functions host's own <c>AzureWebJobsStorage</c> setting: the setting
/// itself is a connection string (local, Azurite), or its properties describe an identity-based connection (Azure):
/// <c>AzureWebJobsStorage__accountName</c>, or the service URIs. The credential properties of the same section
/// (<c>__credential</c>, <c>__clientId</c>) are not here: Microsoft.Extensions.Azure reads them (<see cref="ConnectionCredential"/>).
/// </summary>
public sealed class StorageConnectionOptions
{
    public const string Setting = "AzureWebJobsStorage";

    /// <summary>The setting's own value; the clients parse it (Azure SDK), so it is never taken apart here.</summary>
    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public Uri? TableServiceUri { get; set; }

    /// <summary>Blank counts as unset: an empty app setting or environment variable must not hide the identity-based form.</summary>
    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    // The host's names, mapped to the endpoints the clients take: a service's own URI, else the public cloud's for the account.
    public Uri? BlobUri => BlobServiceUri ?? PublicCloudUri("blob");
    public Uri? QueueUri => QueueServiceUri ?? PublicCloudUri("queue");
    public Uri? TableUri => TableServiceUri ?? PublicCloudUri("table");

    private Uri? PublicCloudUri(string service) =>
        string.IsNullOrWhiteSpace(AccountName) ? null
            : Uri.TryCreate($"https://{AccountName.Trim()}.{service}.core.windows.net", UriKind.Absolute, out var uri) ? uri
            : null;

    internal bool IsComplete => UsesConnectionString || (IsEndpoint(BlobUri) && IsEndpoint(QueueUri) && IsEndpoint(TableUri));

    // A relative URI binds (Uri's converter accepts one) but no client can call it.
    private static bool IsEndpoint(Uri? uri) => uri is { IsAbsoluteUri: true };

    internal const string IncompleteMessage =
        $"The storage connection is incomplete: set '{Setting}' to a connection string, or for an identity-based connection " +
        $"'{Setting}__accountName' (a storage account name) or all of '{Setting}__blobServiceUri', '{Setting}__queueServiceUri' " +
        $"and '{Setting}__tableServiceUri' (absolute URIs), with '{Setting}__credential' and '{Setting}__clientId' as needed.";
}
