using System.Net;
using OrgFunctions.Domain.Events;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

/// <summary>/api/orgs/{orgId}/sender-ids over HTTP: who may register and add an address, one tree per address, cascade.</summary>
public sealed class SenderIdsFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly OrgApp _orgs = new(azurite);
    private AppHost _app = null!;

    public async Task InitializeAsync() => _app = await AppHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ARootRegistersAndEachSubOrgAddsItsParentsAddressUnderTheSameId()
    {
        var (root, child, grandchild, key) = await TreeAsync();
        var number = UniqueNumber();

        var registered = await PostAsync(key, root, "sms", number);
        var added = await PostAsync(key, child, "sms", number, "Child line");
        var deeper = await PostAsync(key, grandchild, "SMS", " " + number + " ");

        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal(HttpStatusCode.Created, deeper.Status);
        var id = registered.Json.GetProperty("id").GetString();
        Assert.Equal(id, added.Json.GetProperty("id").GetString());
        Assert.Equal(id, deeper.Json.GetProperty("id").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, registered.Json.GetProperty("attachedFrom").ValueKind);
        Assert.Equal(root.Org.Id.Value, added.Json.GetProperty("attachedFrom").GetString());
        Assert.Equal(child.Org.Id.Value, deeper.Json.GetProperty("attachedFrom").GetString());
        Assert.Equal("Child line", added.Json.GetProperty("description").GetString());
        var events = await OutboxReader.EventsAsync(_orgs, root.Org.Path.RootId.Value);
        Assert.Equal(3, events.Count(e => e.Type == EventTypes.SenderIdAdded && e.Data!["senderId"]!.GetValue<string>() == id));
        var again = await PostAsync(key, child, "sms", number);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
    }

    [Fact]
    public async Task ASubOrgCantRegisterAnAddressItsParentDoesntHoldAndNothingIsWritten()
    {
        var (root, child, grandchild, key) = await TreeAsync();
        var number = UniqueNumber();
        await WarmAsync(key, root);
        var before = await PartitionSnapshot.TakeAsync(_orgs, root.Org.Path.RootId.Value);

        var fresh = await PostAsync(key, child, "sms", number);
        Assert.Equal(await PartitionSnapshot.TakeAsync(_orgs, root.Org.Path.RootId.Value), before);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(key, root, "sms", number)).Status);
        var skipping = await PostAsync(key, grandchild, "sms", number);

        foreach (var refused in new[] { fresh, skipping })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("application/problem+json", refused.MediaType);
            Assert.True(refused.Json.GetProperty("errors").TryGetProperty("address", out _), refused.ToString());
        }
    }

    [Fact]
    public async Task AnAddressAnotherTreeHoldsIs409UntilItsRootRemovesIt()
    {
        var (rootA, _, _, keyA) = await TreeAsync();
        var (rootB, _, _, keyB) = await TreeAsync();
        var address = $"brand.{Guid.NewGuid():N}@example.com";
        var registered = await PostAsync(keyA, rootA, "email", address);
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        await WarmAsync(keyB, rootB);
        var before = await PartitionSnapshot.TakeAsync(_orgs, rootB.Org.Path.RootId.Value);

        var taken = await PostAsync(keyB, rootB, "email", address.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Conflict, taken.Status);
        Assert.Equal("application/problem+json", taken.MediaType);
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(_orgs, rootB.Org.Path.RootId.Value));
        var removed = await SendAsync(keyA, HttpMethod.Delete, $"api/orgs/{rootA.Org.Id}/sender-ids/{registered.Json.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(keyB, rootB, "email", address)).Status);
    }

    [Fact]
    public async Task ConcurrentRegistrationsOfOneAddressByManyTreesLeaveExactlyOneHolder()
    {
        var trees = new List<(OrgRecord Root, string Key)>();
        for (var i = 0; i < 6; i++)
        {
            var (root, _, _, key) = await TreeAsync();
            trees.Add((root, key));
        }
        var number = UniqueNumber();

        var answers = await Task.WhenAll(trees.Select(t => PostAsync(t.Key, t.Root, "whatsapp", number)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        var holders = 0;
        foreach (var (root, key) in trees)
        {
            var list = await SendAsync(key, HttpMethod.Get, $"api/orgs/{root.Org.Id}/sender-ids");
            holders += list.Json.GetProperty("items").GetArrayLength();
        }
        Assert.Equal(1, holders);
    }

    [Fact]
    public async Task AnOrgAndItsAncestorsSeeItsSenderIdsAndASiblingOrADescendantDoesNot()
    {
        var (root, child, grandchild, rootKey) = await TreeAsync();
        var sibling = await _orgs.Trees.ChildAsync(root);
        var number = UniqueNumber();
        await PostAsync(rootKey, root, "voice", number);
        var added = await PostAsync(rootKey, child, "voice", number);
        var id = added.Json.GetProperty("id").GetString();
        var childKey = await _orgs.Trees.KeyAsync(child);
        var siblingKey = await _orgs.Trees.KeyAsync(sibling);
        var grandchildKey = await _orgs.Trees.KeyAsync(grandchild);
        var path = $"api/orgs/{child.Org.Id}/sender-ids/{id}";

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(childKey, HttpMethod.Get, path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(rootKey, HttpMethod.Get, path)).Status);
        Assert.Single((await SendAsync(rootKey, HttpMethod.Get, $"api/orgs/{child.Org.Id}/sender-ids")).Json.GetProperty("items").EnumerateArray());
        var missing = await SendAsync(childKey, HttpMethod.Get, $"api/orgs/{Domain.Orgs.OrgId.New()}/sender-ids/{id}");
        foreach (var hidden in new[]
                 {
                     await SendAsync(siblingKey, HttpMethod.Get, path),
                     await SendAsync(grandchildKey, HttpMethod.Get, path),
                     await SendAsync(childKey, HttpMethod.Get, $"api/orgs/{root.Org.Id}/sender-ids"),
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
            Assert.Equal(missing.Body, hidden.Body);
        }
    }

    [Fact]
    public async Task RemovingASenderIdSubOrgsUseIs409WithNothingWrittenAndCascadeRemovesEveryCopyWithItsEvent()
    {
        var (root, child, grandchild, key) = await TreeAsync();
        var number = UniqueNumber();
        var id = (await PostAsync(key, root, "sms", number)).Json.GetProperty("id").GetString();
        await PostAsync(key, child, "sms", number);
        await PostAsync(key, grandchild, "sms", number);
        var partition = root.Org.Path.RootId.Value;
        var before = await PartitionSnapshot.TakeAsync(_orgs, partition);

        var refused = await SendAsync(key, HttpMethod.Delete, $"api/orgs/{root.Org.Id}/sender-ids/{id}");
        var refusedMiddle = await SendAsync(key, HttpMethod.Delete, $"api/orgs/{child.Org.Id}/sender-ids/{id}?cascade=false");

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(HttpStatusCode.Conflict, refusedMiddle.Status);
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(_orgs, partition));

        var cascaded = await SendAsync(key, HttpMethod.Delete, $"api/orgs/{root.Org.Id}/sender-ids/{id}?cascade=true");

        Assert.Equal(HttpStatusCode.NoContent, cascaded.Status);
        foreach (var org in new[] { root, child, grandchild })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(key, HttpMethod.Get, $"api/orgs/{org.Org.Id}/sender-ids/{id}")).Status);
        }
        var removed = (await OutboxReader.EventsAsync(_orgs, partition)).Where(e => e.Type == EventTypes.SenderIdRemoved).ToList();
        Assert.Equal(new[] { root.Org.Id.Value, child.Org.Id.Value, grandchild.Org.Id.Value }.Order(), removed.Select(e => e.OrgId).Order());
        var (otherRoot, _, _, otherKey) = await TreeAsync();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(otherKey, otherRoot, "sms", number)).Status);
    }

    [Fact]
    public async Task ALeafRemovesItsCopyAloneAndTheParentKeepsIts()
    {
        var (root, child, _, key) = await TreeAsync();
        var number = UniqueNumber();
        var id = (await PostAsync(key, root, "sms", number)).Json.GetProperty("id").GetString();
        await PostAsync(key, child, "sms", number);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(key, HttpMethod.Delete, $"api/orgs/{child.Org.Id}/sender-ids/{id}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(key, HttpMethod.Delete, $"api/orgs/{root.Org.Id}/sender-ids/{id}")).Status);
    }

    [Fact]
    public async Task ADescriptionChangesUnderItsETagAndAStaleOneIs412()
    {
        var (root, _, _, key) = await TreeAsync();
        var sender = "Acme " + Guid.NewGuid().ToString("N")[..6];
        var created = await PostAsync(key, root, "sms", sender);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(sender, created.Json.GetProperty("address").GetString());
        var path = $"api/orgs/{root.Org.Id}/sender-ids/{created.Json.GetProperty("id").GetString()}";

        var patch = AppHost.Request(HttpMethod.Patch, path, key, new { description = "Marketing" });
        patch.Headers.TryAddWithoutValidation("If-Match", created.ETag);
        var changed = await HttpAnswer.SendAsync(_app, patch);
        var stale = AppHost.Request(HttpMethod.Patch, path, key, new { description = "Late" });
        stale.Headers.TryAddWithoutValidation("If-Match", created.ETag);

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("Marketing", changed.Json.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await HttpAnswer.SendAsync(_app, stale)).Status);
        Assert.Contains((await OutboxReader.EventsAsync(_orgs, root.Org.Path.RootId.Value)), e => e.Type == EventTypes.SenderIdUpdated);
    }

    [Fact]
    public async Task BadInputIs400ProblemNamingEachFieldWithNothingWritten()
    {
        var (root, _, _, key) = await TreeAsync();
        var id = (await PostAsync(key, root, "email", $"ok.{Guid.NewGuid():N}@example.com")).Json.GetProperty("id").GetString();
        var partition = root.Org.Path.RootId.Value;
        var before = await PartitionSnapshot.TakeAsync(_orgs, partition);
        var cases = new (HttpRequestMessage Request, string[] Fields)[]
        {
            (AppHost.Request(HttpMethod.Post, $"api/orgs/{root.Org.Id}/sender-ids", key, new { channel = "fax", address = "+447700900123", colour = "red" }),
                ["channel", "colour"]),
            (AppHost.Request(HttpMethod.Post, $"api/orgs/{root.Org.Id}/sender-ids", key, new { channel = "sms", address = "AB" }), ["address"]),
            (AppHost.Request(HttpMethod.Post, $"api/orgs/{root.Org.Id}/sender-ids", key, new { channel = "whatsapp", address = "Acme" }), ["address"]),
            (AppHost.Request(HttpMethod.Post, $"api/orgs/{root.Org.Id}/sender-ids", key, new { channel = "email", address = "not-an-email", description = 5 }),
                ["address", "description"]),
            (AppHost.Request(HttpMethod.Post, $"api/orgs/{root.Org.Id}/sender-ids", key, new { }), ["address", "channel"]),
            (AppHost.Request(HttpMethod.Patch, $"api/orgs/{root.Org.Id}/sender-ids/{id}", key, new { address = "+447700900123" }),
                ["address", "description"]),
            (AppHost.Request(HttpMethod.Delete, $"api/orgs/{root.Org.Id}/sender-ids/{id}?cascade=yes", key), ["cascade"]),
        };

        foreach (var (request, fields) in cases)
        {
            var answer = await HttpAnswer.SendAsync(_app, request);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.Equal(fields, answer.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(_orgs, partition));
    }

    private async Task<(OrgRecord Root, OrgRecord Child, OrgRecord Grandchild, string RootKey)> TreeAsync()
    {
        var (root, _) = await _orgs.Trees.RootAsync();
        var child = await _orgs.Trees.ChildAsync(root);
        var grandchild = await _orgs.Trees.ChildAsync(child);
        return (root, child, grandchild, await _orgs.Trees.KeyAsync(root));
    }

    /// <summary>A UK mobile number (+44 7700 …), one of a million: addresses are claimed across every tree of the shared Azurite.</summary>
    private static string UniqueNumber() => "+447700" + Random.Shared.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private Task<HttpAnswer> PostAsync(string key, OrgRecord org, string channel, string address, string? description = null) =>
        HttpAnswer.SendAsync(_app, AppHost.Request(HttpMethod.Post, $"api/orgs/{org.Org.Id}/sender-ids", key,
            new { channel, address, description }));

    /// <summary>A first use of a key records its <c>lastUsedAt</c>: done before a snapshot, so the snapshot shows only what the request under test writes.</summary>
    private async Task WarmAsync(string key, OrgRecord org) =>
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(key, HttpMethod.Get, $"api/orgs/{org.Org.Id}/sender-ids")).Status);

    private Task<HttpAnswer> SendAsync(string key, HttpMethod method, string path) =>
        HttpAnswer.SendAsync(_app, AppHost.Request(method, path, key));
}
