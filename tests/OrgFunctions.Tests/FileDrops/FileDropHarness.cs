using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrgFunctions.Blocklist;
using OrgFunctions.Domain.Events;
using OrgFunctions.FileDrops;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>
/// The file-drop services over the shared Azurite with their own SFTP container, an org to drop files for, and helpers
/// that upload as an SFTP client would and read back reports, rows and events.
/// </summary>
public sealed class FileDropHarness
{
    private FileDropHarness(AzuriteFixture azurite, IServiceProvider services, OrgApp orgs, OrgRecord org, BlobContainerClient container)
    {
        Azurite = azurite;
        Services = services;
        Orgs = orgs;
        Org = org;
        Container = container;
    }

    public AzuriteFixture Azurite { get; }
    public IServiceProvider Services { get; }
    public OrgApp Orgs { get; }
    public OrgRecord Org { get; }
    public string OrgId => Org.Org.Id.Value;
    public BlobContainerClient Container { get; }
    public OrgDataTables Tables => Services.GetRequiredService<OrgDataTables>();

    public static async Task<FileDropHarness> CreateAsync(AzuriteFixture azurite, Action<FileDropOptions>? configure = null)
    {
        var containerName = AzuriteFixture.UniqueName("sftp");
        var provider = Compose(azurite, containerName, configure, null, null);
        var container = provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(containerName);
        await container.CreateIfNotExistsAsync();
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        return new FileDropHarness(azurite, provider, orgs, root, container);
    }

    /// <summary>
    /// Another ingester instance on the same container (as a second Functions instance would be), optionally with a
    /// pipeline policy on its table or blob client that fails requests, to stand for a process killed at that point.
    /// </summary>
    public FileDropRun Instance(HttpPipelinePolicy? tableFault = null, HttpPipelinePolicy? blobFault = null,
        Action<FileDropOptions>? configure = null, TimeProvider? clock = null) =>
        Compose(Azurite, Container.Name, configure, tableFault, blobFault, clock).GetRequiredService<FileDropRun>();

    private static ServiceProvider Compose(AzuriteFixture azurite, string containerName, Action<FileDropOptions>? configure,
        HttpPipelinePolicy? tableFault, HttpPipelinePolicy? blobFault, TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?> { ["FileDrops:Container"] = containerName };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var tableOptions = new TableClientOptions();
        if (tableFault is not null)
        {
            tableOptions.AddPolicy(tableFault, HttpPipelinePosition.PerCall);
        }
        var blobOptions = new BlobClientOptions();
        if (blobFault is not null)
        {
            blobOptions.AddPolicy(blobFault, HttpPipelinePosition.PerCall);
        }
        services.AddSingleton(new TableServiceClient(azurite.ConnectionString, tableOptions));
        services.AddSingleton(new BlobServiceClient(azurite.ConnectionString, blobOptions));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddOrgManagement();
        services.AddFileDrops(configuration);
        if (configure is not null)
        {
            services.PostConfigure(configure);
        }
        return services.BuildServiceProvider();
    }

    public FileDropRun NewRun() => Services.GetRequiredService<FileDropRun>();

    public Task<FileDropRunSummary> RunAsync() => NewRun().RunAsync(CancellationToken.None);

    public Task DropAsync(string fileName, string content, string? orgId = null) =>
        DropAsync(fileName, Encoding.UTF8.GetBytes(content), orgId);

    public async Task DropAsync(string fileName, byte[] content, string? orgId = null) =>
        await Container.GetBlobClient($"{orgId ?? OrgId}/inbox/{fileName}").UploadAsync(new BinaryData(content), overwrite: true);

    public async Task<List<string>> BlobNamesAsync(string folder)
    {
        var names = new List<string>();
        await foreach (var item in Container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None,
                           $"{OrgId}/{folder}/", default))
        {
            names.Add(item.Name);
        }
        return names;
    }

    /// <summary>The reports under processed/ or failed/, for files whose name is <paramref name="fileName"/>.</summary>
    public async Task<List<JsonElement>> ReportsAsync(string folder, string? fileName = null)
    {
        var reports = new List<JsonElement>();
        foreach (var name in await BlobNamesAsync(folder))
        {
            if (name.EndsWith(".report.json", StringComparison.Ordinal) && (fileName is null || name.EndsWith("/" + fileName + ".report.json", StringComparison.Ordinal)))
            {
                var content = await Container.GetBlobClient(name).DownloadContentAsync();
                reports.Add(JsonDocument.Parse(content.Value.Content.ToString()).RootElement.Clone());
            }
        }
        return reports;
    }

    public async Task<JsonElement> SingleReportAsync(string folder, string fileName) => Assert.Single(await ReportsAsync(folder, fileName));

    public async Task<List<TableEntity>> RowsAsync(TableClient table)
    {
        await Tables.EnsureCreatedAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {OrgId}")))
        {
            rows.Add(row);
        }
        return rows;
    }

    public async Task<List<DomainEvent>> EventsAsync(params string[] types) =>
        (await OutboxReader.EventsAsync(Orgs, Org.Org.Path.RootId.Value)).Where(e => types.Contains(e.Type)).ToList();
}
