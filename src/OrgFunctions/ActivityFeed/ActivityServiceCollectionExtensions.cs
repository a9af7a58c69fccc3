using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrgFunctions.Configuration;

namespace OrgFunctions.ActivityFeed;

/// <summary>
/// The activity feeds: written by the webhook fan-out (<c>Webhooks/FanOutService</c>, which needs the writer, so
/// <c>AddWebhooks</c> calls this), read by <c>GET /orgs/{orgId}/activity</c>, trimmed by the retention sweep.
/// </summary>
public static class ActivityServiceCollectionExtensions
{
    public static IServiceCollection AddActivity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ActivityOptions>()
            .Bind(configuration.GetSection(ActivityOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ActivityOptions>, ProblemsValidator<ActivityOptions>>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActivityTables>();
        services.TryAddSingleton<ActivityFeedWriter>();
        services.TryAddSingleton<ActivityService>();
        services.TryAddSingleton<ActivitySweeper>();
        return services;
    }
}
