using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.ActivityFeed;

namespace OrgFunctions.Webhooks;

/// <summary>
/// Webhooks: subscriptions, fan-out, delivery. Needs the org services and a <see cref="ServiceBusClient"/>: AddOrgFunctions
/// registers it from <c>ServiceBusConnection</c> (Configuration/), the local host its own, tests a mock.
/// </summary>
public static class WebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.FanOutParallelism >= 1, "Webhooks:Timeout and FanOutParallelism must be positive.")
            .Validate(o => o.SubscriptionCacheTtl >= TimeSpan.Zero && o.SubscriptionCacheTtl <= TimeSpan.FromMinutes(5),
                "Webhooks:SubscriptionCacheTtl must be between 00:00:00 (no cache) and 00:05:00.")
            .Validate(o => TryParseSchedule(o), "Webhooks:RetrySchedule is not a list of delays (e.g. \"0, 5s, 5m, 30m, 2h\").")
            .ValidateOnStart();

        services.AddSingleton<EndpointGuard>();
        services.AddHttpClient(WebhookOptions.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                ConnectCallback = sp.GetRequiredService<EndpointGuard>().ConnectAsync,
            })
            // The factory's default loggers write each request's full URL (a customer's query-string token with it) and
            // open a log scope per request; the handler logs each attempt itself, without the URL.
            .RemoveAllLoggers();

        services.AddSingleton<WebhookTables>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<SubscriptionCache>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<DeliveryLogService>();
        // The fan-out writes every event it processes to the activity feeds.
        services.AddActivity(configuration);
        services.AddSingleton<FanOutService>();
        services.AddSingleton<DeliveryHandler>();
        return services;
    }

    private static bool TryParseSchedule(WebhookOptions options)
    {
        try
        {
            _ = options.Schedule;
            return true;
        }
        catch (Domain.DomainException)
        {
            return false;
        }
    }
}
