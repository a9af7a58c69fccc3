using Microsoft.AspNetCore.Identity;
using OrgFunctions.Domain.Users;

namespace OrgFunctions.Users;

/// <summary>
/// Hashes and verifies passwords with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (ADR 0019): PBKDF2
/// with HMAC-SHA512, a random 128-bit salt per hash and the iteration count stored in the hash, so it can be raised
/// later (<see cref="Verification.RehashNeeded"/>). Passwords are hashed in NFKC (<see cref="PasswordPolicy.Normalise"/>).
/// An unknown user is verified against a hash of a random password, so that it costs what a wrong password does.
/// </summary>
public sealed class Passwords(IPasswordHasher<PasswordHolder> hasher)
{
    private static readonly PasswordHolder Holder = new();
    private readonly Lazy<string> _decoy = new(() => hasher.HashPassword(Holder, Guid.NewGuid().ToString("N")));

    public string Hash(string password) => hasher.HashPassword(Holder, PasswordPolicy.Normalise(password));

    /// <summary>Verifies <paramref name="password"/> against <paramref name="hash"/>; a null hash (no such user, or no password set) never matches but costs the same.</summary>
    public Verification Verify(string? hash, string password)
    {
        var result = hasher.VerifyHashedPassword(Holder, hash ?? _decoy.Value, PasswordPolicy.Normalise(password));
        return hash is null ? Verification.Wrong
            : result switch
            {
                PasswordVerificationResult.Success => Verification.Right,
                PasswordVerificationResult.SuccessRehashNeeded => Verification.RehashNeeded,
                _ => Verification.Wrong,
            };
    }

    public enum Verification
    {
        Wrong,
        Right,

        /// <summary>Right, and hashed with weaker parameters than today's: store <see cref="Hash"/> of it again.</summary>
        RehashNeeded,
    }
}

/// <summary>The type <see cref="PasswordHasher{TUser}"/> is generic over; it never reads the user.</summary>
public sealed class PasswordHolder;
