using Microsoft.AspNetCore.DataProtection;
using OrgFunctions.Domain.Integrations;
using OrgFunctions.Integrations;
using OrgFunctions.Secrets;

namespace OrgFunctions.Tests.Integrations;

public class IntegrationSecretBoxTests
{
    /// <summary>Table Storage holds at most 64 KiB in a string property: 32,768 UTF-16 characters.</summary>
    private const int MaxPropertyChars = 32 * 1024;

    private readonly IntegrationSecretBox _box = new(new SecretCodec(new EphemeralDataProtectionProvider()));

    [Theory]
    [InlineData("dialogflow")]
    [InlineData("typeform")]
    [InlineData("zendesk")]
    [InlineData("https")]
    public void EverySecretOfATypeAtItsLongestInThreeByteCharactersFitsOneColumn(string name)
    {
        var type = IntegrationCatalog.Find(name)!;
        var longest = type.Secrets.ToDictionary(s => s.Name, _ => new string('€', IntegrationSecretRules.MaxLength));

        var sealedSecrets = _box.Seal(longest)!;

        Assert.True(sealedSecrets.Length <= MaxPropertyChars, $"{sealedSecrets.Length} characters");
        Assert.Equal(longest, _box.Open(sealedSecrets));
    }

    [Fact]
    public void SealedSecretsShowNoValueAndOpenOnlyUnderTheirOwnPurpose()
    {
        var codec = new SecretCodec(new EphemeralDataProtectionProvider());
        var box = new IntegrationSecretBox(codec);

        var sealedSecrets = box.Seal(new Dictionary<string, string> { ["apiToken"] = "zd-plain-token" })!;

        Assert.StartsWith(SecretCodec.Prefix, sealedSecrets);
        Assert.DoesNotContain("zd-plain-token", sealedSecrets);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => codec.Reveal("webhooks.signing-secret", sealedSecrets));
        Assert.Null(box.Seal(new Dictionary<string, string>()));
        Assert.Empty(box.Open(null));
    }
}
