using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Configuration;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Provisioning;
using OrgFunctions.SenderIds;
using OrgFunctions.Storage;
using OrgFunctions.Templates;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.Builders;

/// <summary>The org-management services over the shared Azurite, composed as the app composes them.</summary>
public sealed class OrgApp
{
    public OrgApp(AzuriteFixture azurite, Action<ProvisioningOptions>? provisioning = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new TableServiceClient(azurite.ConnectionString));
        // For the orgs' SFTP homes, made with an org and removed with it.
        services.AddSingleton(new BlobServiceClient(azurite.ConnectionString));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddOrgManagement();
        services.AddTemplates();
        services.AddSenderIds();
        services.AddProvisioning(new ConfigurationBuilder().Build());
        if (provisioning is not null)
        {
            services.PostConfigure(provisioning);
        }
        Services = services.BuildServiceProvider();
        Trees = new OrgTreeBuilder(this);
    }

    public IServiceProvider Services { get; }
    public OrgTreeBuilder Trees { get; }
    public OrgTables Tables => Get<OrgTables>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The org a route resolves before its service runs, as the HTTP edge does (<see cref="OrgAccess"/>).</summary>
    public async Task<Outcome<OrgScope>> ScopeAsync(Caller caller, string orgId, string permission)
    {
        var org = await Get<OrgAccess>().ResolveAsync(caller, orgId, permission, default);
        return org.Failure is { } failure ? failure : new OrgScope(caller, org.Value!);
    }
}
