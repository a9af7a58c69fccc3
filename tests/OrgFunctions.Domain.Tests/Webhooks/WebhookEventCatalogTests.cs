using System.Reflection;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Domain.Tests.Webhooks;

public class WebhookEventCatalogTests
{
    [Fact]
    public void EveryEventTypeTheAppEmitsCanBeSubscribedTo()
    {
        var emitted = typeof(EventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(emitted, type => Assert.True(WebhookEventCatalog.IsKnown(type), $"{type} is not in the webhook event catalogue."));
    }

    [Fact]
    public void EachTypeIsListedOnceWithAnExample()
    {
        Assert.Equal(WebhookEventCatalog.Entries.Count, WebhookEventCatalog.Entries.Select(e => e.Type).Distinct().Count());
        Assert.All(WebhookEventCatalog.Entries, e => Assert.NotNull(e.ExampleData()));
    }
}
