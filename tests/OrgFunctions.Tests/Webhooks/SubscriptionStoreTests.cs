using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Secrets;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Webhooks;

/// <summary>Subscription rows hold their signing secrets protected: a row read straight from storage shows no usable secret.</summary>
public class SubscriptionStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ARowReadStraightFromStorageShowsNeitherTheCurrentNorThePreviousSecret()
    {
        var (app, scope, orgId, id) = await ArrangeAsync();
        var created = (await app.Get<SubscriptionService>().GetAsync(scope, id, default)).Value!.Subscription.Secret.Text;
        var rotated = (await app.Get<SubscriptionService>().RotateSecretAsync(scope, id, default)).Value!.Secret;

        var row = await RawRowAsync(app, orgId, id);

        var stored = new[] { row.GetString("Secret"), row.GetString("PreviousSecret") };
        Assert.All(stored, value => Assert.StartsWith(SecretCodec.Prefix, value));
        foreach (var secret in new[] { created, rotated })
        {
            Assert.All(((IDictionary<string, object>)row).Values.OfType<string>(), value =>
            {
                Assert.DoesNotContain(secret, value);
                Assert.DoesNotContain(secret["whsec_".Length..], value);
            });
        }
        var read = (await app.Get<SubscriptionService>().GetAsync(scope, id, default)).Value!.Subscription;
        Assert.Equal(rotated, read.Secret.Text);
        Assert.Equal(created, read.PreviousSecret!.Text);
    }

    [Fact]
    public async Task ARowWrittenBeforeEncryptionIsReadAndProtectedOnItsNextWrite()
    {
        var (app, scope, orgId, id) = await ArrangeAsync();
        var current = Domain.Webhooks.WebhookSecret.Generate().Text;
        var previous = Domain.Webhooks.WebhookSecret.Generate().Text;
        var row = await RawRowAsync(app, orgId, id);
        row["Secret"] = current;
        row["PreviousSecret"] = previous;
        row["PreviousSecretExpiresAt"] = DateTimeOffset.UtcNow.AddHours(20);
        await app.Orgs.Tables.Orgs.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var legacy = (await app.Get<SubscriptionService>().GetAsync(scope, id, default)).Value!.Subscription;
        Assert.Equal(current, legacy.Secret.Text);
        Assert.Equal(previous, legacy.PreviousSecret!.Text);
        var patched = await app.Get<SubscriptionService>().PatchAsync(scope, id,
            new SubscriptionRequest(null, null, null, "touched", null), null, default);
        Assert.True(patched.Succeeded, patched.Failure?.ToString());

        var rewritten = await RawRowAsync(app, orgId, id);
        Assert.StartsWith(SecretCodec.Prefix, rewritten.GetString("Secret"));
        Assert.StartsWith(SecretCodec.Prefix, rewritten.GetString("PreviousSecret"));
        Assert.DoesNotContain(current, rewritten.GetString("Secret"));
        var read = (await app.Get<SubscriptionService>().GetAsync(scope, id, default)).Value!.Subscription;
        Assert.Equal(current, read.Secret.Text);
        Assert.Equal(previous, read.PreviousSecret!.Text);
    }

    private async Task<(WebhookApp App, OrgScope Scope, string OrgId, string Id)> ArrangeAsync()
    {
        var app = new WebhookApp(azurite);
        var (root, _) = await app.Orgs.Trees.RootAsync();
        var id = await FanOutServiceTests.SubscribeAsync(app, root, ["org.updated"]);
        return (app, new OrgScope(OrgTreeBuilder.CallerIn(root), root), root.Org.Id.Value, id);
    }

    // The tree's partition is the root's id; these subscriptions belong to a root org.
    private static async Task<TableEntity> RawRowAsync(WebhookApp app, string orgId, string id) =>
        (await app.Orgs.Tables.Orgs.GetEntityAsync<TableEntity>(orgId, WebhookTables.SubscriptionKey(OrgId.Parse(orgId), id))).Value;
}
