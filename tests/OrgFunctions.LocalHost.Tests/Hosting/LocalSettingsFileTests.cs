using OrgFunctions.LocalHost.Hosting;

namespace OrgFunctions.LocalHost.Tests.Hosting;

public sealed class LocalSettingsFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"local.settings.{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void ValuesBecomeSettingsAndDoubleUnderscoreNests()
    {
        File.WriteAllText(_path, """
            { "IsEncrypted": false,
              "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true", "LocalHost__Port": 7000, "Empty": null } }
            """);
        var values = LocalSettingsFile.ReadValues(_path);
        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        Assert.Equal("7000", values["LocalHost:Port"]);
        Assert.Null(values["Empty"]);
    }

    [Fact]
    public void AnExplicitPathThatDoesNotExistIsAnError() =>
        Assert.Throws<FileNotFoundException>(() => LocalSettingsFile.Find(_path));
}
