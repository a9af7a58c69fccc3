using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.FileDrops;

namespace OrgFunctions.Orgs;

/// <summary>The org tree. An org's SFTP home (<see cref="FileDropHomes"/>, a <c>BlobServiceClient</c>) is made with it and removed with it.</summary>
public static class OrgsServiceCollectionExtensions
{
    public static IServiceCollection AddOrgs(this IServiceCollection services)
    {
        services.TryAddSingleton<FileDropHomes>();
        services.AddSingleton<OrgStore>();
        services.AddSingleton<ChildCounts>();
        services.AddSingleton<OrgService>();
        return services;
    }
}
