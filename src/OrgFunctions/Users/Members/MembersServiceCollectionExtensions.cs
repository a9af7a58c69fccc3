using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Users.Members;

/// <summary>User administration: an org's members listed, changed, removed and unlocked (<see cref="MemberService"/>).</summary>
public static class MembersServiceCollectionExtensions
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddSingleton<LastOwnerGuard>();
        services.AddSingleton<MemberService>();
        return services;
    }
}
