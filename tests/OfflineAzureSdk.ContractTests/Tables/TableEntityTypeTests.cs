using Azure.Data.Tables;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Tables;

/// <summary>Every EDM type survives a write and a read, through TableEntity and through a typed entity.</summary>
public class TableEntityTypeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset When = new(2024, 2, 29, 23, 59, 58, 123, TimeSpan.FromHours(2));
    private static readonly Guid Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");

    [Fact]
    public async Task EveryEdmTypeRoundTripsThroughTableEntity()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "r",
            ("Text", "text ü '"), ("Int32", 7), ("Int64", 5_000_000_000L), ("Double", 2.5), ("WholeDouble", 3.0),
            ("Flag", false), ("When", When), ("Id", Id), ("Bytes", new byte[] { 1, 2, 3 })));

        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("text ü '", read.GetString("Text"));
        Assert.Equal(7, read.GetInt32("Int32"));
        Assert.Equal(5_000_000_000L, read.GetInt64("Int64"));
        Assert.Equal(2.5, read.GetDouble("Double"));
        Assert.Equal(3.0, read.GetDouble("WholeDouble"));
        Assert.False(read.GetBoolean("Flag"));
        Assert.Equal(When, read.GetDateTimeOffset("When"));
        Assert.Equal(When.UtcDateTime, read.GetDateTime("When"));
        Assert.Equal(Id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 1, 2, 3 }, read.GetBinary("Bytes"));
        Assert.Equal(new byte[] { 1, 2, 3 }, read.GetBinaryData("Bytes").ToArray());
        Assert.NotNull(read.Timestamp);
        Assert.NotEqual(default, read.ETag);
    }

    [Fact]
    public async Task EveryEdmTypeRoundTripsThroughATypedEntity()
    {
        var table = await TestTables.CreateAsync(azurite);
        var written = AllTypesEntity.Sample("p", "r");
        await table.AddEntityAsync(written);

        var read = (await table.GetEntityAsync<AllTypesEntity>("p", "r")).Value;

        Assert.Equal(written.Text, read.Text);
        Assert.Equal(written.Int32, read.Int32);
        Assert.Equal(written.Int64, read.Int64);
        Assert.Equal(written.Double, read.Double);
        Assert.Equal(written.WholeDouble, read.WholeDouble);
        Assert.Equal(written.Flag, read.Flag);
        Assert.Equal(written.When, read.When);
        Assert.Equal(written.WhenUtc, read.WhenUtc);
        Assert.Equal(written.Id, read.Id);
        Assert.Equal(written.Bytes, read.Bytes);
        Assert.Equal(written.Data!.ToArray(), read.Data!.ToArray());
        Assert.Equal(Shade.Dark, read.Shade);
        Assert.Null(read.MissingInt);
        Assert.Equal(written.PresentLong, read.PresentLong);
        Assert.Equal(written.PresentGuid, read.PresentGuid);
        Assert.Null(read.NotStored);
        Assert.NotNull(read.Timestamp);
        Assert.NotEqual(default, read.ETag);
    }

    [Fact]
    public async Task ATypedEntityIsStoredWithEdmTypesReadableAsTableEntity()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(AllTypesEntity.Sample("p", "r"));

        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.IsType<long>(read["Int64"]);
        Assert.IsType<double>(read["WholeDouble"]);
        Assert.IsType<int>(read["Int32"]);
        Assert.Equal("Dark", read.GetString("Shade"));
        Assert.False(read.ContainsKey("NotStored"));
        Assert.False(read.ContainsKey("MissingInt"));
    }

    [Fact]
    public async Task QueriedTypedEntitiesCarryKeysTimestampAndETag()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(AllTypesEntity.Sample("p", "r1"));
        await table.AddEntityAsync(AllTypesEntity.Sample("p", "r2"));

        var rows = await table.QueryAsync<AllTypesEntity>("PartitionKey eq 'p'").ToListAsync();

        Assert.Equal(["r1", "r2"], rows.Select(r => r.RowKey));
        Assert.All(rows, r => Assert.Equal(long.MaxValue - 7, r.Int64));
        Assert.All(rows, r => Assert.NotEqual(default, r.ETag));
        Assert.All(rows, r => Assert.NotNull(r.Timestamp));
    }

    [Fact]
    public async Task ADataMemberNameRenamesTheStoredProperty()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(new RenamedEntity { PartitionKey = "p", RowKey = "r", DisplayName = "shown" });

        var dynamic = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        var typed = (await table.GetEntityAsync<RenamedEntity>("p", "r")).Value;

        Assert.Equal("shown", dynamic.GetString("name"));
        Assert.False(dynamic.ContainsKey("DisplayName"));
        Assert.Equal("shown", typed.DisplayName);
    }

    public sealed class RenamedEntity : Azure.Data.Tables.ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;
        public string RowKey { get; set; } = string.Empty;
        public DateTimeOffset? Timestamp { get; set; }
        public Azure.ETag ETag { get; set; }

        [System.Runtime.Serialization.DataMember(Name = "name")]
        public string? DisplayName { get; set; }
    }
}
