using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddSingleton<IValidateOptions<EmailOptions>, ProblemsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<EmailDispatcher>();
        return services;
    }

    private sealed class ProblemsValidator : IValidateOptions<EmailOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
