using Microsoft.Extensions.Configuration;

namespace OrgFunctions.Configuration;

/// <summary>
/// Where the app's storage account is, from the Functions host's own <c>AzureWebJobsStorage</c> setting: a connection
/// string (local, Azurite), or an identity-based connection (Azure): <c>AzureWebJobsStorage__accountName</c> or the
/// service URIs, with <c>__credential=managedidentity</c> and <c>__clientId</c> as the host reads them.
/// </summary>
public sealed class StorageOptions
{
    public const string ConnectionStringSetting = "AzureWebJobsStorage";

    public string? ConnectionString { get; set; }
    public string? AccountName { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public Uri? TableServiceUri { get; set; }

    /// <summary>"managedidentity" to use only the app's managed identity; otherwise the default credential chain.</summary>
    public string? Credential { get; set; }

    /// <summary>A user-assigned identity's client id.</summary>
    public string? ClientId { get; set; }

    public bool UsesConnectionString => ConnectionString is not null;

    public Uri BlobUri => BlobServiceUri ?? ServiceUri("blob");
    public Uri QueueUri => QueueServiceUri ?? ServiceUri("queue");
    public Uri TableUri => TableServiceUri ?? ServiceUri("table");

    /// <summary>What is missing for a usable connection; empty when the options are complete.</summary>
    public IEnumerable<string> Problems()
    {
        if (UsesConnectionString)
        {
            yield break;
        }
        if (AccountName is null && (BlobServiceUri is null || QueueServiceUri is null || TableServiceUri is null))
        {
            yield return $"Set '{ConnectionStringSetting}' (a connection string) or '{ConnectionStringSetting}__accountName' " +
                         $"(or all of '__blobServiceUri', '__queueServiceUri' and '__tableServiceUri') for an identity-based connection.";
        }
    }

    internal static void Bind(StorageOptions options, IConfiguration configuration)
    {
        const string name = ConnectionStringSetting;
        options.ConnectionString = ConnectionSettings.Value(configuration, name);
        options.AccountName = ConnectionSettings.Property(configuration, name, "accountName");
        options.BlobServiceUri = UriOf(ConnectionSettings.Property(configuration, name, "blobServiceUri"));
        options.QueueServiceUri = UriOf(ConnectionSettings.Property(configuration, name, "queueServiceUri"));
        options.TableServiceUri = UriOf(ConnectionSettings.Property(configuration, name, "tableServiceUri"));
        options.Credential = ConnectionSettings.Property(configuration, name, "credential");
        options.ClientId = ConnectionSettings.Property(configuration, name, "clientId");
    }

    private Uri ServiceUri(string service) => new($"https://{AccountName}.{service}.core.windows.net");

    private static Uri? UriOf(string? value) => value is null ? null : new Uri(value);
}
