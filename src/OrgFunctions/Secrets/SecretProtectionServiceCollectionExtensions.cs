using Azure.Security.KeyVault.Certificates;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrgFunctions.Configuration;
using OrgFunctions.FileDrops;

namespace OrgFunctions.Secrets;

/// <summary>
/// Secrets at rest (docs/decisions/0014): <see cref="SecretCodec"/> over ASP.NET Core Data Protection, its key ring in
/// the blob container <c>SecretProtection:KeyRingContainer</c> of the app's storage account (<see cref="BlobServiceClient"/>
/// from DI), encrypted there with a Key Vault certificate when <c>SecretProtection:CertificateName</c> names one. The
/// vault is reached with the credential of the section (<c>SecretProtection__credential</c>, as for storage), or a
/// <see cref="CertificateClient"/> registered before this call (tests).
/// </summary>
public static class SecretProtectionServiceCollectionExtensions
{
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SecretProtectionOptions.Section);
        services.AddOptions<SecretProtectionOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecretProtectionOptions>>(sp => new ProblemsValidator(DataContainer(configuration)));

        services.AddDataProtection();
        services.AddOptions<DataProtectionOptions>()
            .Configure<IOptions<SecretProtectionOptions>>((o, settings) => o.ApplicationDiscriminator = settings.Value.ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((o, sp) =>
            {
                var settings = sp.GetRequiredService<IOptions<SecretProtectionOptions>>().Value;
                o.XmlRepository = new BlobXmlRepository(
                    sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(settings.KeyRingContainer));
                if (settings.UsesKeyVault)
                {
                    o.XmlEncryptor = new CertificateKeyRingEncryptor(sp.GetRequiredService<KeyRingCertificates>(),
                        sp.GetRequiredService<ILoggerFactory>());
                }
                // Without an encryptor Data Protection logs a warning for each key it writes unencrypted (local, Azurite).
            });

        services.TryAddSingleton(sp => new CertificateClient(
            new Uri(sp.GetRequiredService<IOptions<SecretProtectionOptions>>().Value.KeyVaultUri),
            ConnectionCredential.Resolve(sp, section)));
        services.AddSingleton(sp => new KeyRingCertificates(sp.GetRequiredService<CertificateClient>(),
            sp.GetRequiredService<IOptions<SecretProtectionOptions>>().Value.CertificateName));
        services.AddSingleton<SecretCodec>();
        return services;
    }

    // The key ring must not share a container with data a caller can write (an org's SFTP home, FileDrops:ContainerPrefix).
    private static string DataContainer(IConfiguration configuration) =>
        configuration[$"{FileDropOptions.Section}:{nameof(FileDropOptions.ContainerPrefix)}"] ?? new FileDropOptions().ContainerPrefix;

    private sealed class ProblemsValidator(string? dataContainer) : IValidateOptions<SecretProtectionOptions>
    {
        public ValidateOptionsResult Validate(string? name, SecretProtectionOptions options)
        {
            var problems = options.Problems(dataContainer).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
