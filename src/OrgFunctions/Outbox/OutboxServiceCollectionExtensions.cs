using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Outbox;

/// <summary>The events org-tree writes record in their own transactions.</summary>
public static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<EventFactory>();
        return services;
    }
}
