using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Users;

namespace OrgFunctions.Tests.Builders;

/// <summary>The real <see cref="PasswordHasher{TUser}"/>, counting how many passwords it verified (the expensive step a lockout must bound).</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<PasswordHolder>
{
    private readonly PasswordHasher<PasswordHolder> _real = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    /// <summary>For <see cref="AppHost.StartAsync"/>'s <c>configureServices</c>.</summary>
    public void AddTo(IServiceCollection services) => services.AddSingleton<IPasswordHasher<PasswordHolder>>(this);

    public void Reset() => Interlocked.Exchange(ref _verifications, 0);

    public string HashPassword(PasswordHolder user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PasswordHolder user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
