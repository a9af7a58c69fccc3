using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Users.Invitations;

public static class InvitationsServiceCollectionExtensions
{
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddSingleton<InvitationStore>();
        services.AddSingleton<InvitationEmail>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<InvitationAcceptance>();
        return services;
    }
}
