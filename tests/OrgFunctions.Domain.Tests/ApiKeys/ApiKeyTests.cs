using OrgFunctions.Domain.ApiKeys;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Tests.ApiKeys;

public class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheIssuedTokenAuthenticatesAndOnlyItsHashIsKept()
    {
        var (key, secret) = ApiKey.Issue(OrgId.New(), "ci", "admin", Now);

        Assert.True(ApiKeySecret.TryParse(secret.Token, out var presented));
        Assert.True(key.Authenticates(presented));
        Assert.DoesNotContain(secret.Token[^43..], key.SecretHash);
        Assert.Equal(secret.KeyId, key.Id);
    }

    [Fact]
    public void AnotherSecretWithTheSameKeyIdIsRefused()
    {
        var (key, secret) = ApiKey.Issue(OrgId.New(), "ci", "admin", Now);
        var forged = secret.Token[..^1] + (secret.Token[^1] == 'A' ? 'B' : 'A');

        Assert.True(ApiKeySecret.TryParse(forged, out var presented));
        Assert.False(key.Authenticates(presented));
    }

    [Fact]
    public void ARevokedKeyStopsAuthenticatingAndCantBeRevokedTwice()
    {
        var (key, secret) = ApiKey.Issue(OrgId.New(), "ci", "admin", Now);
        ApiKeySecret.TryParse(secret.Token, out var presented);

        key.Revoke(Now);

        Assert.False(key.Authenticates(presented));
        Assert.Throws<DomainException>(() => key.Revoke(Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer x")]
    [InlineData("ofk_short_secret")]
    [InlineData("ofk_AAAAAAAAAAAAAAAA_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void MalformedTokensDontParse(string? token)
    {
        Assert.False(ApiKeySecret.TryParse(token, out _));
    }

    [Fact]
    public void ToStringNeverShowsTheSecret()
    {
        var secret = ApiKeySecret.Generate();

        Assert.DoesNotContain(secret.Token[^43..], secret.ToString());
    }

    [Theory]
    [InlineData("CI\u0000key")]
    [InlineData("CI\u202Ekey")]
    [InlineData("CI\nkey")]
    public void AKeyNameRefusesControlBidiAndLineBreakCharacters(string name)
    {
        Assert.Throws<DomainException>(() => ApiKey.Issue(OrgId.New(), name, "member", DateTimeOffset.UnixEpoch));
    }
}
