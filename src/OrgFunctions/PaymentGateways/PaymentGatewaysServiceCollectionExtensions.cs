using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.Configuration;

namespace OrgFunctions.PaymentGateways;

/// <summary>Payment gateways and the payment vault client (its settings validated at start; its HttpClient from the factory).</summary>
public static class PaymentGatewaysServiceCollectionExtensions
{
    public static IServiceCollection AddPaymentGateways(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentVaultOptions>()
            .Bind(configuration.GetSection(PaymentVaultOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentVaultOptions>, ProblemsValidator<PaymentVaultOptions>>();
        // The timeout is PaymentVault:Timeout, applied per call; no redirects (credentials must reach the configured host only).
        services.AddHttpClient(PaymentVaultOptions.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<PaymentVault>();
        services.AddSingleton<PaymentGatewayService>();
        return services;
    }
}
