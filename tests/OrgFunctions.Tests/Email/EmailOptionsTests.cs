using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.Email;

namespace OrgFunctions.Tests.Email;

/// <summary>Email settings are checked when the app starts, each problem named.</summary>
public class EmailOptionsTests
{
    private static IReadOnlyList<string> ProblemsOf(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Email:" + s.Key, (string?)s.Value))).Build();
        using var provider = new ServiceCollection().AddEmail(configuration).BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures.ToList();
        }
    }

    [Fact]
    public void TheDefaultsAreTheLocalDevelopmentServer()
    {
        Assert.Empty(ProblemsOf());
        var options = new EmailOptions();
        Assert.Equal(("127.0.0.1", 2525, EmailTlsMode.None), (options.Host, options.Port, options.TlsMode));
    }

    [Fact]
    public void ARelayWithStartTlsAndCredentialsIsValid() =>
        Assert.Empty(ProblemsOf(("Host", "smtp.azurecomm.net"), ("Port", "587"), ("TlsMode", "StartTls"),
            ("Username", "resource.app.tenant"), ("Password", "secret"), ("FromAddress", "DoNotReply@contoso.example")));

    [Fact]
    public void CleartextIsRefusedToAnyHostButLoopback() =>
        Assert.Contains(ProblemsOf(("Host", "smtp.azurecomm.net"), ("Port", "587")), p => p.Contains("TlsMode None", StringComparison.Ordinal));

    [Theory]
    [InlineData("Username", "user", "Username and Email:Password")]
    [InlineData("FromAddress", "not an address", "FromAddress")]
    [InlineData("FromAddress", "Ops <ops@example.com>", "FromAddress")]
    [InlineData("Port", "0", "Port")]
    [InlineData("Host", " ", "Host")]
    [InlineData("RetrySchedule", "0, 5x", "RetrySchedule")]
    [InlineData("Timeout", "00:00:00", "Timeout")]
    public void EachBadSettingIsNamed(string key, string value, string named) =>
        Assert.Contains(ProblemsOf((key, value)), p => p.Contains(named, StringComparison.Ordinal));
}
