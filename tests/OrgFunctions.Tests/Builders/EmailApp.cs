using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrgFunctions.Email;
using OrgFunctions.Secrets;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// The org and email services over the shared Azurite without a host, sending to 127.0.0.1:<c>smtpPort</c>, every
/// log line in <see cref="Logs"/>. Settings (<c>Email:RetrySchedule</c>, ...) override the defaults.
/// </summary>
public sealed class EmailApp
{
    public EmailApp(AzuriteFixture azurite, int smtpPort, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            new[] { ("Email:Host", "127.0.0.1"), ("Email:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Email:Timeout", "00:00:10") }
                .Concat(settings).Select(s => KeyValuePair.Create(s.Item1, (string?)s.Item2))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(new TableServiceClient(azurite.ConnectionString));
        services.AddSingleton(new BlobServiceClient(azurite.ConnectionString));
        Logs.AddTo(services);
        services.AddSecretProtection(configuration);
        services.AddOrgManagement();
        services.AddEmail(configuration);
        Services = services.BuildServiceProvider();
        Orgs = new OrgApp(azurite);
    }

    public IServiceProvider Services { get; }
    public OrgApp Orgs { get; }
    public LogCapture Logs { get; } = new();

    public EmailOutbox Outbox => Get<EmailOutbox>();
    public EmailDispatcher Dispatcher => Get<EmailDispatcher>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// One dispatcher run over <paramref name="treeId"/> only: a run over every marked tree would also send what other
    /// tests left pending on the shared Azurite.
    /// </summary>
    public async Task<EmailDispatcher.Result> DispatchAsync(string treeId)
    {
        await using var smtp = new SmtpSession(Get<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value);
        return (await Dispatcher.DispatchTreeAsync(treeId, smtp, default)).Result;
    }

    /// <summary>The email rows of a tree, oldest first, as stored (column by column).</summary>
    public Task<IReadOnlyList<TableEntity>> RowsAsync(string treeId) => RowsAsync<TableEntity>(treeId);

    /// <summary>The email rows of a tree, oldest first, as the dispatcher reads them.</summary>
    public Task<IReadOnlyList<EmailEntity>> EntitiesAsync(string treeId) => RowsAsync<EmailEntity>(treeId);

    private async Task<IReadOnlyList<T>> RowsAsync<T>(string treeId) where T : class, ITableEntity, new()
    {
        var rows = new List<T>();
        var tables = Get<OrgFunctions.Storage.OrgTables>();
        await foreach (var row in tables.Orgs.QueryAsync<T>(OrgFunctions.Storage.RowKeys.PrefixFilter(treeId, EmailRow.RowKeyPrefix)))
        {
            rows.Add(row);
        }
        return rows;
    }
}
