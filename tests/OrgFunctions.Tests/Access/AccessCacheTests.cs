using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OrgFunctions.Access;
using OrgFunctions.Storage;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Access;

/// <summary>The cache's own rules (ADR 0026): the bound on the app's clock, a change to the tree here, the size limit, off at zero.</summary>
public class AccessCacheTests
{
    private const string Tree = "tree-a";

    private readonly MovableClock _clock = new();
    private readonly OrgTables _tables = new(new TableServiceClient("UseDevelopmentStorage=true"), new TreeChanges());

    private AccessCache Cache(TimeSpan staleness, int entries = 100) =>
        new(Options.Create(new AccessOptions { CacheStaleness = staleness, CacheEntries = entries }), _clock, _tables);

    [Fact]
    public void AnEntryIsServedUntilTheBoundCountedFromBeforeItsReadHasPassed()
    {
        using var cache = Cache(TimeSpan.FromSeconds(5));
        var mark = cache.Mark();
        _clock.Advance(TimeSpan.FromSeconds(2)); // the reads took this long
        cache.Keep("k", Tree, mark, "value");

        _clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Equal("value", cache.Find<string>("k"));
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Null(cache.Find<string>("k"));
    }

    [Fact]
    public void AChangeToTheTreeHereEndsItsEntriesAndNoOtherTreesEntries()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1));
        var mark = cache.Mark();
        cache.Keep("a", Tree, mark, "in a");
        cache.Keep("b", "tree-b", mark, "in b");

        _tables.Changes.Committed(Tree);

        Assert.Null(cache.Find<string>("a"));
        Assert.Equal("in b", cache.Find<string>("b"));
    }

    [Fact]
    public void WhatWasReadAcrossAChangeToItsTreeIsNeverKept()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1));
        var mark = cache.Mark();
        _tables.Changes.Committed(Tree); // committed while the reads ran: they may have seen the row before it

        cache.Keep("k", Tree, mark, "maybe stale");

        Assert.Null(cache.Find<string>("k"));
        var after = cache.Mark();
        cache.Keep("k", Tree, after, "fresh");
        Assert.Equal("fresh", cache.Find<string>("k"));
    }

    [Fact]
    public void AFloodOfEntriesNeverHoldsMoreThanTheLimit()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1), entries: 10);
        var mark = cache.Mark();
        for (var i = 0; i < 1_000; i++)
        {
            cache.Keep($"k{i}", Tree, mark, $"v{i}");
        }

        Assert.InRange(Enumerable.Range(0, 1_000).Count(i => cache.Find<string>($"k{i}") is not null), 1, 10);
    }

    [Fact]
    public void WhatIsKeptForGoodOutlivesTheBoundAndChangesToItsTree()
    {
        using var cache = Cache(TimeSpan.FromSeconds(5));
        cache.KeepForGood("location", "path");

        _clock.Advance(TimeSpan.FromDays(1));
        _tables.Changes.Committed(Tree);

        Assert.Equal("path", cache.Find<string>("location"));
    }

    [Fact]
    public void ZeroStalenessKeepsNothing()
    {
        using var cache = Cache(TimeSpan.Zero);
        cache.Keep("k", Tree, cache.Mark(), "value");
        cache.KeepForGood("location", "path");

        Assert.Null(cache.Find<string>("k"));
        Assert.Null(cache.Find<string>("location"));
    }

    [Fact]
    public void AForgottenEntryIsGone()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1));
        cache.Keep("k", Tree, cache.Mark(), "value");

        cache.Forget("k");

        Assert.Null(cache.Find<string>("k"));
    }

    [Fact]
    public void AKeysEntryNamesTheWholeTokenSoADifferentSecretIsADifferentEntry()
    {
        var token = Domain.ApiKeys.ApiKey.Issue(Domain.Orgs.OrgId.New(), "k", "owner", DateTimeOffset.UtcNow).Secret.Token;
        var wrong = token[..^1] + (token.EndsWith('A') ? 'B' : 'A');

        Assert.NotEqual(AccessCache.KeyCallerKey(token), AccessCache.KeyCallerKey(wrong));
        Assert.DoesNotContain(token, AccessCache.KeyCallerKey(token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 10, "Access:CacheStaleness")]
    [InlineData(301, 10, "Access:CacheStaleness")]
    [InlineData(5, 0, "Access:CacheEntries")]
    public void ABadSettingIsNamed(int seconds, int entries, string setting)
    {
        var problems = new AccessOptions { CacheStaleness = TimeSpan.FromSeconds(seconds), CacheEntries = entries }.Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith(setting, StringComparison.Ordinal));
        Assert.Empty(new AccessOptions().Problems());
    }
}
