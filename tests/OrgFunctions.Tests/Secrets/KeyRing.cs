using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrgFunctions.Secrets;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.Secrets;

/// <summary>One app instance's secret protection over Azurite: its own service provider, so its own key ring cache.</summary>
internal static class KeyRing
{
    public static ServiceProvider Instance(AzuriteFixture azurite, string container, Action<IServiceCollection>? configure = null,
        params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.Append((SecretProtectionOptions.Section + ":KeyRingContainer", container))
                .Select(s => KeyValuePair.Create(s.Item1, (string?)s.Item2))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(new BlobServiceClient(azurite.ConnectionString));
        configure?.Invoke(services);
        services.AddSecretProtection(configuration);
        return services.BuildServiceProvider();
    }

    public static async Task<List<(string Name, string Xml)>> BlobsAsync(AzuriteFixture azurite, string container)
    {
        var client = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container);
        var blobs = new List<(string, string)>();
        await foreach (var item in client.GetBlobsAsync())
        {
            blobs.Add((item.Name, (await client.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content.ToString()));
        }
        return blobs;
    }
}
