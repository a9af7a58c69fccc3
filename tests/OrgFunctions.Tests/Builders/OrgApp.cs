using Azure.Data.Tables;
using Microsoft.AspNetCore.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Configuration;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Email;
using OrgFunctions.Secrets;
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
        var configuration = new ConfigurationBuilder().Build();
        // Sign-up emails a new owner without a password a link (EmailOutbox, whose bodies are encrypted at rest).
        services.AddSecretProtection(configuration);
        services.AddEmail(configuration);
        services.AddOrgManagement();
        // Arranging data, not testing passwords: one iteration keeps a root's owner password cheap (the hash records
        // its count, so an app host still verifies it; hosts under test keep the real count).
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
        services.AddTemplates();
        services.AddProvisioning(configuration);
        services.AddSenderIds();
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
