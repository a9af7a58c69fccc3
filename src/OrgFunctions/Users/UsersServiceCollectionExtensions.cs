using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrgFunctions.Users.Members;
using OrgFunctions.Users.SignIn;
using OrgFunctions.Users.Invitations;
using OrgFunctions.Workspaces;
using OrgFunctions.Configuration;

namespace OrgFunctions.Users;

/// <summary>
/// Users, their memberships of orgs, and passwords. Part of the org-management core (sessions authenticate requests);
/// the settings come from the host's <see cref="IConfiguration"/> where there is one, else the defaults.
/// </summary>
public static class UsersServiceCollectionExtensions
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddOptions<UsersOptions>()
            .Configure<IServiceProvider>((options, provider) =>
                provider.GetService<IConfiguration>()?.GetSection(UsersOptions.Section).Bind(options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<UsersOptions>, ProblemsValidator<UsersOptions>>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPasswordHasher<PasswordHolder>, PasswordHasher<PasswordHolder>>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<MembershipStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionAuthenticator>();
        services.AddMembers();
        services.AddSignIn();
        services.AddInvitations();
        services.AddWorkspaces();
        return services;
    }
}
