using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Webhooks;

/// <summary>
/// Changes made without If-Match don't fail because the delivery handler updated the subscription (its failure streak)
/// between the read and the write; with If-Match they still do.
/// </summary>
public class SubscriptionServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>Before the first write of a subscription row (PUT or DELETE), another writer touches that row.</summary>
    private sealed class WriteInBetween(Func<Task> write) : HttpPipelinePolicy
    {
        private int _done;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if ((message.Request.Method == RequestMethod.Delete || message.Request.Method == RequestMethod.Put)
                && message.Request.Uri.ToString().Contains("wh%3A", StringComparison.Ordinal) && Interlocked.Exchange(ref _done, 1) == 0)
            {
                await write();
            }
            await ProcessNextAsync(message, pipeline);
        }
    }

    private static async Task<(WebhookApp App, OrgScope Scope, string OrgId, string Id)> ArrangeAsync(AzuriteFixture azurite)
    {
        (string OrgId, string Id)? target = null;
        TableClient? orgs = null;
        var policy = new WriteInBetween(async () =>
        {
            // What the delivery handler does after a failed attempt: it records the failure streak on the row.
            var (orgId, id) = target!.Value;
            var row = (await orgs!.GetEntityAsync<TableEntity>(orgId, WebhookTables.SubscriptionKey(Domain.Orgs.OrgId.Parse(orgId), id))).Value;
            row["FailingSince"] = DateTimeOffset.UtcNow;
            await orgs.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge);
        });
        var app = new WebhookApp(azurite, policy);
        orgs = app.Orgs.Tables.Orgs;
        var (root, _) = await app.Orgs.Trees.RootAsync();
        var id = await FanOutServiceTests.SubscribeAsync(app, root, ["org.updated"]);
        target = (root.Org.Id.Value, id);
        return (app, new OrgScope(OrgTreeBuilder.CallerIn(root), root), root.Org.Id.Value, id);
    }

    [Fact]
    public async Task AnUngatedDeleteSucceedsThoughTheHandlerUpdatedTheRowMeanwhile()
    {
        var (app, scope, orgId, id) = await ArrangeAsync(azurite);

        var deleted = await app.Get<SubscriptionService>().DeleteAsync(scope, id, null, default);

        Assert.True(deleted.Succeeded, deleted.Failure?.ToString());
        Assert.IsType<Failure.NotFound>((await app.Get<SubscriptionService>().GetAsync(scope, id, default)).Failure);
    }

    [Fact]
    public async Task AGatedDeleteOnTheVersionItReadIsRefusedWhenTheRowChangedMeanwhile()
    {
        var (app, scope, orgId, id) = await ArrangeAsync(azurite);
        var read = (await app.Get<SubscriptionService>().GetAsync(scope, id, default)).Value!;

        var deleted = await app.Get<SubscriptionService>().DeleteAsync(scope, id, read.ETag, default);

        Assert.IsType<Failure.PreconditionFailed>(deleted.Failure);
    }

    [Fact]
    public async Task AnUngatedPatchAndASecretRotationSucceedThoughTheHandlerUpdatedTheRowMeanwhile()
    {
        var (app, scope, orgId, id) = await ArrangeAsync(azurite);

        var patched = await app.Get<SubscriptionService>().PatchAsync(scope, id,
            new SubscriptionRequest(null, null, null, "renamed", null), null, default);
        var rotated = await app.Get<SubscriptionService>().RotateSecretAsync(scope, id, default);

        Assert.True(patched.Succeeded, patched.Failure?.ToString());
        Assert.True(rotated.Succeeded, rotated.Failure?.ToString());
        Assert.Equal("renamed", (await app.Get<SubscriptionService>().GetAsync(scope, id, default)).Value!.Subscription.Description);
    }
}
