using Microsoft.Extensions.Options;
using OrgFunctions.Access;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Webhooks;

/// <summary>The delivery handler's subscription cache: trusted for its TTL, forgotten on this process's own changes.</summary>
public class SubscriptionCacheTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ASubscriptionDisabledElsewhereIsServedAsCachedUntilTheTtlHasPassedThenSeenDisabled()
    {
        var (app, root, id) = await ArrangeAsync();
        var clock = new MovableClock();
        using var cache = new SubscriptionCache(app.Get<SubscriptionStore>(), Options.Create(new WebhookOptions { SubscriptionCacheTtl = Ttl }), clock);
        var (tree, org) = (root.Org.Path.RootId.Value, root.Org.Path.OrgId);
        Assert.True((await cache.GetAsync(tree, org, id, default))!.Subscription.Enabled);

        await DisableInStorageAsync(app, tree, org, id); // another instance's change: this process is not told

        Assert.True((await cache.GetAsync(tree, org, id, default))!.Subscription.Enabled);
        clock.Advance(Ttl + TimeSpan.FromSeconds(1));
        Assert.False((await cache.GetAsync(tree, org, id, default))!.Subscription.Enabled);
    }

    [Fact]
    public async Task AChangeThroughTheSubscriptionServiceIsSeenByTheNextDeliveryAtOnce()
    {
        var (app, root, id) = await ArrangeAsync();
        var cache = app.Get<SubscriptionCache>();
        var (tree, org) = (root.Org.Path.RootId.Value, root.Org.Path.OrgId);
        Assert.True((await cache.GetAsync(tree, org, id, default))!.Subscription.Enabled);

        var patched = await app.Get<SubscriptionService>().PatchAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), root), id,
            new SubscriptionRequest(null, null, null, null, false), null, default);

        Assert.True(patched.Succeeded, patched.Failure?.ToString());
        Assert.False((await cache.GetAsync(tree, org, id, default))!.Subscription.Enabled);
    }

    [Fact]
    public async Task WithNoTtlEveryReadGoesToStorage()
    {
        var (app, root, id) = await ArrangeAsync();
        using var cache = new SubscriptionCache(app.Get<SubscriptionStore>(),
            Options.Create(new WebhookOptions { SubscriptionCacheTtl = TimeSpan.Zero }), new MovableClock());
        var (tree, org) = (root.Org.Path.RootId.Value, root.Org.Path.OrgId);
        Assert.True((await cache.GetAsync(tree, org, id, default))!.Subscription.Enabled);

        await DisableInStorageAsync(app, tree, org, id);

        Assert.False((await cache.GetAsync(tree, org, id, default))!.Subscription.Enabled);
    }

    private async Task<(WebhookApp App, OrgRecord Root, string Id)> ArrangeAsync()
    {
        var app = new WebhookApp(azurite);
        var (root, _) = await app.Orgs.Trees.RootAsync();
        return (app, root, await FanOutServiceTests.SubscribeAsync(app, root, ["org.updated"]));
    }

    private static async Task DisableInStorageAsync(WebhookApp app, string tree, OrgId org, string id)
    {
        var store = app.Get<SubscriptionStore>();
        var record = (await store.GetAsync(tree, org, id, default))!;
        record.Subscription.Disable("test");
        Assert.NotNull(await store.TryReplaceAsync(record.Subscription, record.ETag, default));
    }
}
