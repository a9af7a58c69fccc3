using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Events;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// Concurrent PATCHes of one org over HTTP: a stale <c>If-Match</c> is 412; without <c>If-Match</c>, each PATCH is
/// conditional on the version it read, so of racing PATCHes one wins and every other gets 409 — even when they change
/// different fields — and no write is ever lost silently (each 200 has its event, each 409 left nothing).
/// </summary>
public class ConcurrencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task APatchWithAStaleIfMatchIs412AndChangesNothing(bool echoWeakPrefix)
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var read = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", key));
        // Clients echo the ETag header as it came (W/"…"), or only its opaque tag: RFC 9110 compares If-Match strongly.
        var first = echoWeakPrefix ? read.Headers.ETag!.ToString() : read.Headers.ETag!.Tag;
        Assert.True(read.Headers.ETag!.IsWeak);

        var fresh = AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, new { description = "first" });
        fresh.Headers.IfMatch.ParseAdd(first);
        var applied = await app.Client.SendAsync(fresh);
        var stale = AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, new { description = "second" });
        stale.Headers.IfMatch.ParseAdd(first);
        var refused = await HttpAnswer.SendAsync(app, stale);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.NotEqual(read.Headers.ETag, applied.Headers.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.Status);
        Assert.Equal("application/problem+json", refused.MediaType);
        var now = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", key));
        Assert.Equal("first", now.Json.GetProperty("description").GetString());
        Assert.Single(await OutboxReader.EventsAsync(orgs, orgId), e => e.Type == EventTypes.OrgUpdated);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(4, false)]
    [InlineData(2, true)]
    public async Task OfPatchesRacingWithoutIfMatchOneWinsAndTheOthersGet409(int racers, bool differentFields)
    {
        var gate = new BatchGate();
        await using var app = await StartWithAsync(gate);
        var orgs = new OrgApp(azurite);
        var (orgId, key) = await app.SignUpAsync();
        object BodyOf(int i) => differentFields && i % 2 == 1 ? new { name = $"Renamed {i} {Guid.NewGuid():N}" } : new { description = $"racer {i}" };

        gate.HoldNext(racers);
        var answers = await Task.WhenAll(Enumerable.Range(0, racers).Select(i =>
            HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, BodyOf(i)))));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Equal("application/problem+json", a.MediaType);
        });
        var winner = answers.Single(a => a.Status == HttpStatusCode.OK).Json;
        var now = (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", key))).Json;
        Assert.Equal(winner.GetProperty("name").GetString(), now.GetProperty("name").GetString());
        Assert.Equal(winner.GetProperty("description").GetString(), now.GetProperty("description").GetString());
        Assert.Single(await OutboxReader.EventsAsync(orgs, orgId), e => e.Type == EventTypes.OrgUpdated);
    }

    [Fact]
    public async Task RacingSettingsPatchesOfOneOrgEndWithOneWinnerAndThe409s()
    {
        var gate = new BatchGate();
        await using var app = await StartWithAsync(gate);
        var orgs = new OrgApp(azurite);
        var (orgId, key) = await app.SignUpAsync();

        gate.HoldNext(2);
        var answers = await Task.WhenAll(
            HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}/settings", key, new { loginAttempts = 7 })),
            HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}/settings", key, new { locale = "fr-FR" })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.Status).Order());
        Assert.Single(await OutboxReader.EventsAsync(orgs, orgId), e => e.Type == EventTypes.SettingsChanged);
    }

    [Fact]
    public async Task ARoleReplacedWithAStaleIfMatchIs412()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var created = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/roles", key,
            new { name = "Auditor", permissions = new[] { "reports.read" } }));
        var etag = created.Headers.ETag!.ToString();
        var roleId = (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/roles", key))).Json
            .GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Auditor").GetProperty("id").GetString();

        HttpRequestMessage Replace(string name)
        {
            var request = AppHost.Request(HttpMethod.Put, $"api/orgs/{orgId}/roles/{roleId}", key, new { name, permissions = new[] { "reports.read" } });
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return request;
        }

        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(app, Replace("Auditors"))).Status);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await HttpAnswer.SendAsync(app, Replace("Readers"))).Status);
    }

    [Fact]
    public async Task UngatedConcurrentPatchesNeverLoseAWriteSilently()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (orgId, key) = await app.SignUpAsync();

        var sent = Enumerable.Range(0, 8).Select(async i =>
        {
            var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, new { description = $"racer {i}" }));
            return (i, response.StatusCode, ETag: response.Headers.ETag?.Tag);
        });
        var answers = await Task.WhenAll(sent);

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var won = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        Assert.NotEmpty(won);
        // Every 200 is in the outbox with the value it wrote, and nothing else is.
        var events = (await OutboxReader.EventsAsync(orgs, orgId)).Where(e => e.Type == EventTypes.OrgUpdated).ToList();
        Assert.Equal(won.Select(w => $"racer {w.i}").Order(),
            events.Select(e => e.Data["changes"]!["description"]!["to"]!.GetValue<string>()).Order());
        // The org holds the value of a 200 whose version is the current one. (Azurite's ETag is the write's time, so two
        // writes in quick succession can share one; Table Storage's ETags are unique.)
        var read = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", key));
        var current = won.Where(w => w.ETag == read.Headers.ETag!.Tag).Select(w => $"racer {w.i}").ToList();
        Assert.NotEmpty(current);
        var now = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", key));
        Assert.Contains(now.Json.GetProperty("description").GetString(), current);
    }

    private Task<AppHost> StartWithAsync(Azure.Core.Pipeline.HttpPipelinePolicy policy)
    {
        var options = new TableClientOptions();
        options.AddPolicy(policy, Azure.Core.HttpPipelinePosition.PerCall);
        return AppHost.StartAsync(azurite, (services, _) => services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options)));
    }
}
