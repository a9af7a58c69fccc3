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
using OrgFunctions.Email;
using OrgFunctions.Secrets;
using OrgFunctions.Blocklist;
using OrgFunctions.Domain.Events;
using OrgFunctions.FileDrops;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>
/// The file-drop services over the shared Azurite with their own prefix of SFTP homes (containers), an org to drop files
/// for with its home, and helpers that upload as that org's SFTP client would and read back reports, rows and events.
/// </summary>
public sealed class FileDropHarness
{
    private FileDropHarness(AzuriteFixture azurite, string prefix, IServiceProvider services, OrgApp orgs, OrgRecord org, BlobContainerClient container)
    {
        Prefix = prefix;
        Azurite = azurite;
        Services = services;
        Orgs = orgs;
        Org = org;
        Container = container;
    }

    public AzuriteFixture Azurite { get; }
    public string Prefix { get; }
    public IServiceProvider Services { get; }
    public OrgApp Orgs { get; }
    public OrgRecord Org { get; }
    public string OrgId => Org.Org.Id.Value;
    /// <summary>The org's SFTP home.</summary>
    public BlobContainerClient Container { get; }
    public FileDropHomes Homes => Services.GetRequiredService<FileDropHomes>();
    public OrgDataTables Tables => Services.GetRequiredService<OrgDataTables>();

    public static async Task<FileDropHarness> CreateAsync(AzuriteFixture azurite, Action<FileDropOptions>? configure = null)
    {
        // A prefix of its own: the runs of this harness see its homes only, whatever else the shared Azurite holds.
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12] + "-";
        var provider = Compose(azurite, prefix, configure, null, null);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var homes = provider.GetRequiredService<FileDropHomes>();
        await homes.CreateAsync(root.Org.Id, default);
        return new FileDropHarness(azurite, prefix, provider, orgs, root, homes.Container(root.Org.Id));
    }

    /// <summary>
    /// Another ingester instance on the same container (as a second Functions instance would be), optionally with a
    /// pipeline policy on its table or blob client that fails requests, to stand for a process killed at that point.
    /// </summary>
    public FileDropRun Instance(HttpPipelinePolicy? tableFault = null, HttpPipelinePolicy? blobFault = null,
        Action<FileDropOptions>? configure = null, TimeProvider? clock = null) =>
        Compose(Azurite, Prefix, configure, tableFault, blobFault, clock).GetRequiredService<FileDropRun>();

    private static ServiceProvider Compose(AzuriteFixture azurite, string prefix, Action<FileDropOptions>? configure,
        HttpPipelinePolicy? tableFault, HttpPipelinePolicy? blobFault, TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?> { ["FileDrops:ContainerPrefix"] = prefix };
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
        services.AddSecretProtection(configuration);
        services.AddEmail(configuration);
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

    public Task DropAsync(string fileName, string content, BlobContainerClient? home = null) =>
        DropAsync(fileName, Encoding.UTF8.GetBytes(content), home);

    /// <summary>Uploads to <c>inbox/</c> of the org's home, or of <paramref name="home"/> (made if missing).</summary>
    public async Task DropAsync(string fileName, byte[] content, BlobContainerClient? home = null)
    {
        if (home is not null)
        {
            await home.CreateIfNotExistsAsync();
        }
        await (home ?? Container).GetBlobClient($"inbox/{fileName}").UploadAsync(new BinaryData(content), overwrite: true);
    }

    /// <summary>A home of this harness's prefix for any name after it (an org id, or anything an attacker might make).</summary>
    public BlobContainerClient HomeNamed(string suffix) =>
        Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(Prefix + suffix);

    public async Task<List<string>> BlobNamesAsync(string folder, BlobContainerClient? home = null)
    {
        var names = new List<string>();
        await foreach (var item in (home ?? Container).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None,
                           $"{folder}/", default))
        {
            names.Add(item.Name);
        }
        return names;
    }

    /// <summary>The reports under processed/ or failed/, for files whose name is <paramref name="fileName"/>.</summary>
    public async Task<List<JsonElement>> ReportsAsync(string folder, string? fileName = null, BlobContainerClient? home = null)
    {
        var reports = new List<JsonElement>();
        foreach (var name in await BlobNamesAsync(folder, home))
        {
            if (name.EndsWith(".report.json", StringComparison.Ordinal) && (fileName is null || name.EndsWith("/" + fileName + ".report.json", StringComparison.Ordinal)))
            {
                var content = await (home ?? Container).GetBlobClient(name).DownloadContentAsync();
                reports.Add(JsonDocument.Parse(content.Value.Content.ToString()).RootElement.Clone());
            }
        }
        return reports;
    }

    public async Task<JsonElement> SingleReportAsync(string folder, string fileName) => Assert.Single(await ReportsAsync(folder, fileName));

    public async Task<List<TableEntity>> RowsAsync(TableClient table, string? orgId = null)
    {
        await Tables.EnsureCreatedAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {orgId ?? OrgId}")))
        {
            rows.Add(row);
        }
        return rows;
    }

    public async Task<List<DomainEvent>> EventsAsync(params string[] types) =>
        (await OutboxReader.EventsAsync(Orgs, Org.Org.Path.RootId.Value)).Where(e => types.Contains(e.Type)).ToList();
}
