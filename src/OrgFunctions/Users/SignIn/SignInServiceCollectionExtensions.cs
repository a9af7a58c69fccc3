using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Users.SignIn;

public static class SignInServiceCollectionExtensions
{
    /// <summary>Sign-in, sign-out, <c>/api/me</c> and set-password links. <see cref="PasswordSetup"/> needs <c>AddEmail</c>.</summary>
    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddSingleton<MembershipLockout>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<MeService>();
        services.AddSingleton<PasswordSetup>();
        return services;
    }
}
