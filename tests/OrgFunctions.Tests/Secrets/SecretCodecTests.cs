using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Secrets;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.Secrets;

/// <summary>Secrets are stored as Data Protection payloads whose keys live in a container of their own, shared by every instance.</summary>
public class SecretCodecTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Secret = "whsec_c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1iZS1zdG9yZWQtcGxhaW4=";

    [Fact]
    public void AProtectedSecretIsAVersionedPayloadThatDoesNotContainIt()
    {
        using var instance = KeyRing.Instance(azurite, AzuriteFixture.UniqueName("keyring"));
        var codec = instance.GetRequiredService<SecretCodec>();

        var stored = codec.Protect("test.secret", Secret);

        Assert.StartsWith(SecretCodec.Prefix, stored);
        Assert.DoesNotContain(Secret, stored);
        Assert.DoesNotContain(Secret["whsec_".Length..], stored);
        Assert.Equal(Secret, codec.Reveal("test.secret", stored));
    }

    [Fact]
    public void AValueWithoutThePrefixIsALegacyPlaintextAndIsReadAsItIs()
    {
        using var instance = KeyRing.Instance(azurite, AzuriteFixture.UniqueName("keyring"));

        Assert.Equal(Secret, instance.GetRequiredService<SecretCodec>().Reveal("test.secret", Secret));
    }

    [Fact]
    public void APayloadProtectedForOnePurposeCannotBeRevealedForAnother()
    {
        using var instance = KeyRing.Instance(azurite, AzuriteFixture.UniqueName("keyring"));
        var codec = instance.GetRequiredService<SecretCodec>();

        var stored = codec.Protect("webhooks.signing-secret", Secret);

        Assert.ThrowsAny<CryptographicException>(() => codec.Reveal("another.feature", stored));
    }

    [Fact]
    public async Task TheKeyRingLandsInItsOwnContainerAndOnlyThere()
    {
        var container = AzuriteFixture.UniqueName("keyring");
        using var instance = KeyRing.Instance(azurite, container);

        var stored = instance.GetRequiredService<SecretCodec>().Protect("test.secret", Secret);

        var key = Assert.Single(await KeyRing.BlobsAsync(azurite, container));
        Assert.StartsWith("key-", key.Name);
        Assert.Contains("<masterKey", key.Xml);
        Assert.DoesNotContain("masterKey", stored);
    }

    [Fact]
    public void ASecondInstanceOverTheSameContainerRevealsWhatTheFirstProtected()
    {
        var container = AzuriteFixture.UniqueName("keyring");
        using var first = KeyRing.Instance(azurite, container);
        var stored = first.GetRequiredService<SecretCodec>().Protect("test.secret", Secret);

        using var second = KeyRing.Instance(azurite, container);

        Assert.Equal(Secret, second.GetRequiredService<SecretCodec>().Reveal("test.secret", stored));
    }

    [Fact]
    public void AnInstanceRevealsAPayloadUnderAKeyMadeByAnotherInstanceAfterItLoadedTheRing()
    {
        var container = AzuriteFixture.UniqueName("keyring");
        using var first = KeyRing.Instance(azurite, container);
        using var second = KeyRing.Instance(azurite, container);
        var bySecond = second.GetRequiredService<SecretCodec>().Protect("test.secret", Secret);
        // A key the second instance's cached ring doesn't know: made later, so the first instance protects with it.
        first.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        var byFirst = first.GetRequiredService<SecretCodec>().Protect("test.secret", Secret);
        Assert.NotEqual(KeyIdOf(bySecond), KeyIdOf(byFirst));

        Assert.Equal(Secret, second.GetRequiredService<SecretCodec>().Reveal("test.secret", byFirst));
        Assert.Equal(Secret, first.GetRequiredService<SecretCodec>().Reveal("test.secret", bySecond));
    }

    [Fact]
    public void AnotherApplicationNameOverTheSameRingCannotRevealThePayloads()
    {
        var container = AzuriteFixture.UniqueName("keyring");
        using var first = KeyRing.Instance(azurite, container);
        var stored = first.GetRequiredService<SecretCodec>().Protect("test.secret", Secret);

        using var other = KeyRing.Instance(azurite, container, null, ("SecretProtection:ApplicationName", "SomethingElse"));

        Assert.ThrowsAny<CryptographicException>(() => other.GetRequiredService<SecretCodec>().Reveal("test.secret", stored));
    }

    // A payload starts with a 4-byte magic header, then the id of the key that protected it.
    private static Guid KeyIdOf(string stored) =>
        new(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(stored[SecretCodec.Prefix.Length..]).AsSpan(4, 16));
}
