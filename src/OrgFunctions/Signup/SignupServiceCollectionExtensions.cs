using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Signup;

public static class SignupServiceCollectionExtensions
{
    public static IServiceCollection AddSignup(this IServiceCollection services)
    {
        services.AddSingleton<SignupService>();
        return services;
    }
}
