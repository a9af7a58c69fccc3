using Microsoft.Extensions.Configuration;

namespace OrgFunctions.Configuration;

/// <summary>Where the app's storage account is: the Functions host's own <c>AzureWebJobsStorage</c> setting.</summary>
public sealed class StorageOptions
{
    public const string ConnectionStringSetting = "AzureWebJobsStorage";

    public string ConnectionString { get; set; } = "";

    internal static void Bind(StorageOptions options, IConfiguration configuration) =>
        options.ConnectionString = configuration[ConnectionStringSetting] ?? "";
}
