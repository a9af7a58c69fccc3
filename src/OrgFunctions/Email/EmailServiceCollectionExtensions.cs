using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrgFunctions.Configuration;

namespace OrgFunctions.Email;

/// <summary>
/// Email: the outbox a change queues its emails in, and the dispatcher that sends them over SMTP. Needs the org tables
/// and a <see cref="Secrets.SecretCodec"/> (<c>AddSecretProtection</c>) for the bodies at rest.
/// </summary>
public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, ProblemsValidator<EmailOptions>>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<EmailDispatcher>();
        return services;
    }
}
