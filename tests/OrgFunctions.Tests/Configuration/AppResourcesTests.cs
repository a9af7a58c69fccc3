using System.Reflection;
using System.Text.Json;
using OrgFunctions.Storage;
using OrgFunctions.Testing;

namespace OrgFunctions.Tests.Configuration;

/// <summary>infra/app-resources.json, which the Bicep creates resources from, names the app's own tables and no others.</summary>
public class AppResourcesTests
{
    [Fact]
    public void TheDeclaredTablesAreExactlyTheAppsTables()
    {
        using var resources = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "app-resources.json")));
        var declared = resources.RootElement.GetProperty("storage").GetProperty("tables").EnumerateArray().Select(t => t.GetString()!).Order();
        var owned = typeof(TableNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order();

        Assert.Equal(owned, declared);
    }
}
