using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.FileDrops;

namespace OrgFunctions.Tests.FileDrops;

public sealed class FileDropOptionsTests
{
    private static FileDropOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddFileDrops(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<FileDropOptions>>().Value;
    }

    [Fact]
    public void TheDefaultsAreTheDocumentedOnes()
    {
        var options = Bind();

        Assert.Equal("sftp-", options.ContainerPrefix);
        Assert.Equal(500, options.MaxContainersPerRun);
        Assert.Equal(100L * 1024 * 1024, options.MaxFileBytes);
        Assert.Equal(64 * 1024, options.MaxRowBytes);
        Assert.Equal(50, options.MaxFilesPerRun);
    }

    [Fact]
    public void SettingsAreReadFromTheFileDropsSection()
    {
        var options = Bind(("FileDrops:ContainerPrefix", "drops-"), ("FileDrops:MaxFileBytes", "5000000000"));

        Assert.Equal("drops-", options.ContainerPrefix);
        Assert.Equal(5_000_000_000, options.MaxFileBytes);
    }

    [Theory]
    [InlineData("FileDrops:ContainerPrefix", "Not_A_Container")]
    [InlineData("FileDrops:ContainerPrefix", "sftp--")]
    [InlineData("FileDrops:ContainerPrefix", "a-prefix-that-leaves-no-room-for-the-org-id-x")]
    [InlineData("FileDrops:MaxContainersPerRun", "0")]
    [InlineData("FileDrops:MaxFileBytes", "0")]
    [InlineData("FileDrops:MaxFilesPerRun", "0")]
    [InlineData("FileDrops:LeaseSeconds", "90")]
    [InlineData("FileDrops:BatchSize", "101")]
    public void AnInvalidSettingIsRefusedNamingIt(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind((key, value)));

        Assert.Contains(key.Split(':')[1], error.Message);
    }
}
