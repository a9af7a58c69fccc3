using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace OfflineAzureSdk.ContractTests.Tables;

public enum Shade
{
    Light,
    Dark,
}

/// <summary>A typed entity with a property of every EDM type the app stores, plus nullable and ignored ones.</summary>
public sealed class AllTypesEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Text { get; set; }
    public int Int32 { get; set; }
    public long Int64 { get; set; }
    public double Double { get; set; }
    public double WholeDouble { get; set; }
    public bool Flag { get; set; }
    public DateTimeOffset When { get; set; }
    public DateTime WhenUtc { get; set; }
    public Guid Id { get; set; }
    public byte[]? Bytes { get; set; }
    public BinaryData? Data { get; set; }
    public Shade Shade { get; set; }
    public int? MissingInt { get; set; }
    public long? PresentLong { get; set; }
    public Guid? PresentGuid { get; set; }

    [IgnoreDataMember]
    public string? NotStored { get; set; }

    public static AllTypesEntity Sample(string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        Text = "text ü '",
        Int32 = -123456,
        Int64 = long.MaxValue - 7,
        Double = 3.25,
        WholeDouble = 42.0,
        Flag = true,
        When = new DateTimeOffset(2024, 2, 29, 23, 59, 58, 123, TimeSpan.FromHours(2)),
        WhenUtc = new DateTime(2023, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        Bytes = [0, 1, 2, 254, 255],
        Data = BinaryData.FromBytes(new byte[] { 9, 8, 7 }),
        Shade = Shade.Dark,
        MissingInt = null,
        PresentLong = 5_000_000_000,
        PresentGuid = Guid.Parse("00000000-0000-0000-0000-000000000001"),
        NotStored = "secret",
    };
}
