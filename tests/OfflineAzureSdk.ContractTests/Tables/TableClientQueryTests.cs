using Azure;
using Azure.Data.Tables;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Tables;

public class TableClientQueryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AQueryOverMoreThanOneServicePageReturnsEveryEntityExactlyOnce()
    {
        var table = await TestTables.CreateAsync(azurite);
        await TestTables.AddManyAsync(table, "p", 1200);

        var pages = new List<Page<TableEntity>>();
        await foreach (var page in table.QueryAsync<TableEntity>("PartitionKey eq 'p'").AsPages())
        {
            pages.Add(page);
        }

        var rowKeys = pages.SelectMany(p => p.Values).Select(e => e.RowKey).ToList();
        Assert.True(pages.Count >= 2, $"expected the service to page 1,200 entities, got {pages.Count} page(s)");
        Assert.Equal(Enumerable.Range(0, 1200).Select(i => $"r{i:D4}"), rowKeys);
    }

    [Fact]
    public async Task MaxPerPageSplitsTheResultAndEveryEntityComesBackOnce()
    {
        var table = await TestTables.CreateAsync(azurite);
        await TestTables.AddManyAsync(table, "p", 50);

        var pages = table.Query<TableEntity>(maxPerPage: 7).AsPages().ToList();

        Assert.Equal(8, pages.Count);
        Assert.All(pages.Take(7), p => Assert.Equal(7, p.Values.Count));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"r{i:D4}"), pages.SelectMany(p => p.Values).Select(e => e.RowKey));
        Assert.Equal(50, table.Query<TableEntity>(maxPerPage: 7).Count());
    }

    [Fact]
    public async Task AQueryResumesFromAPagesContinuationToken()
    {
        var table = await TestTables.CreateAsync(azurite);
        await TestTables.AddManyAsync(table, "p", 20);
        string? token = null;
        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: 5).AsPages())
        {
            token = page.ContinuationToken;
            break;
        }

        var rest = new List<string>();
        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: 5).AsPages(token))
        {
            rest.AddRange(page.Values.Select(e => e.RowKey));
        }

        Assert.NotNull(token);
        Assert.Equal(Enumerable.Range(5, 15).Select(i => $"r{i:D4}"), rest);
    }

    [Fact]
    public async Task AnEscapedFilterValueWithAQuoteFindsTheRightRow()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "1", ("Name", "O'Brien")));
        await table.AddEntityAsync(TestTables.Entity("p", "2", ("Name", "O")));
        await table.AddEntityAsync(TestTables.Entity("p", "3", ("Name", "Brien")));

        var found = table.Query<TableEntity>(TableClient.CreateQueryFilter($"Name eq {"O'Brien"}")).ToList();

        Assert.Equal("1", Assert.Single(found).RowKey);
    }

    [Fact]
    public async Task FilterValuesOfEveryTypeMatchTheStoredValue()
    {
        var table = await TestTables.CreateAsync(azurite);
        var when = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await table.AddEntityAsync(TestTables.Entity("p", "hit",
            ("Long", 5_000_000_000L), ("Double", 2.5), ("Whole", 4.0), ("Flag", true), ("When", when), ("Id", id), ("Int", 3)));
        await table.AddEntityAsync(TestTables.Entity("p", "miss",
            ("Long", 1L), ("Double", 1.5), ("Whole", 5.0), ("Flag", false), ("When", when.AddDays(1)), ("Id", Guid.NewGuid()), ("Int", 4)));

        string Only(FormattableString filter) => Assert.Single(table.Query<TableEntity>(TableClient.CreateQueryFilter(filter))).RowKey;

        Assert.Equal("hit", Only($"Long eq {5_000_000_000L}"));
        Assert.Equal("hit", Only($"Double eq {2.5}"));
        Assert.Equal("hit", Only($"Whole eq {4.0}"));
        Assert.Equal("hit", Only($"Flag eq {true}"));
        Assert.Equal("hit", Only($"When eq {when}"));
        Assert.Equal("hit", Only($"Id eq {id}"));
        Assert.Equal("hit", Only($"Int eq {3}"));
    }

    [Fact]
    public void CreateQueryFilterQuotesStringsAndDoublesTheirQuotes()
    {
        Assert.Equal("Name eq 'O''Brien' and PartitionKey eq 'p'",
            TableClient.CreateQueryFilter($"Name eq {"O'Brien"} and PartitionKey eq {"p"}"));
        Assert.Equal("RowKey ge 'a' and RowKey lt 'b'", TableServiceClient.CreateQueryFilter($"RowKey ge {"a"} and RowKey lt {"b"}"));
    }
}
