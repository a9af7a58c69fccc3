using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.Provisioning;

namespace OrgFunctions.Tests.Provisioning;

public sealed class ProvisioningOptionsTests
{
    private static ProvisioningOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddProvisioning(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<ProvisioningOptions>>().Value;
    }

    [Fact]
    public void TheDefaultsAreDepthTenAndAThousandChildren()
    {
        var options = Bind();

        Assert.Equal(10, options.MaxDepth);
        Assert.Equal(1000, options.MaxChildrenPerOrg);
        Assert.Equal(5, options.StepMaxAttempts);
    }

    [Fact]
    public void TheLimitsAreReadFromTheProvisioningSection()
    {
        var options = Bind(("Provisioning:MaxDepth", "4"), ("Provisioning:MaxChildrenPerOrg", "25"));

        Assert.Equal(4, options.MaxDepth);
        Assert.Equal(25, options.MaxChildrenPerOrg);
    }

    [Theory]
    [InlineData("Provisioning:MaxDepth", "0")]
    [InlineData("Provisioning:MaxChildrenPerOrg", "-1")]
    [InlineData("Provisioning:StepMaxAttempts", "0")]
    public void AnOutOfRangeSettingIsRefusedNamingIt(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind((key, value)));

        Assert.Contains(key.Split(':')[1], error.Message);
    }
}
