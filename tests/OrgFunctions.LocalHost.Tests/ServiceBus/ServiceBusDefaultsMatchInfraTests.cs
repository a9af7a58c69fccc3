using System.Text.Json;
using System.Xml;
using OrgFunctions.LocalHost.ServiceBus;
using OrgFunctions.Testing;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

/// <summary>
/// The local stand-in must behave like the queues infra/ deploys: the same max delivery count and lock duration,
/// read from the one place that names them (infra/app-resources.json).
/// </summary>
public class ServiceBusDefaultsMatchInfraTests
{
    [Fact]
    public void MaxDeliveryCountAndLockDurationAreThoseTheTemplatesDeploy()
    {
        using var resources = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "app-resources.json")));
        var defaults = new LocalServiceBusOptions();

        foreach (var queue in resources.RootElement.GetProperty("serviceBus").GetProperty("queues").EnumerateArray())
        {
            Assert.Equal(queue.GetProperty("maxDeliveryCount").GetInt32(), defaults.MaxDeliveryCount);
            Assert.Equal(XmlConvert.ToTimeSpan(queue.GetProperty("lockDuration").GetString()!), defaults.LockDuration);
        }
    }
}
