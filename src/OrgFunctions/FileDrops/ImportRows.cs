using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Storage;

namespace OrgFunctions.FileDrops;

/// <summary>
/// Rows of the Imports table (PartitionKey = org id). One row per import, RowKey = inverted upload ticks + import id, so a
/// partition lists newest first; and one claim row per applied content hash (<c>sha256:{hex}</c>) naming the import
/// that applies it and its blob, so the same content dropped again is recognised.
/// </summary>
public static class ImportRows
{
    public const string ClaimPrefix = "sha256:";
    public const string Running = "running";

    public static string ImportKey(DateTimeOffset receivedAt, string importId) =>
        (DateTimeOffset.MaxValue.UtcTicks - receivedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + importId;

    /// <summary>Import rows sort before claim rows: digits sort below letters.</summary>
    public static string ListFilter(string orgId) => TableClient.CreateQueryFilter($"PartitionKey eq {orgId} and RowKey lt {"A"}");

    public static ImportEntity Import(string orgId, string rowKey, string fileName, string kind, string status, DateTimeOffset receivedAt,
        ImportReport? report) => new()
    {
        PartitionKey = orgId,
        RowKey = rowKey,
        File = fileName,
        Kind = kind,
        Status = status,
        ReceivedAt = receivedAt,
        Report = report is null ? null : JsonSerializer.Serialize(report, ReportJson.Options),
    };

    public static ImportClaimEntity Claim(string orgId, string sha256, string importId, string importRowKey, string blobName) => new()
    {
        PartitionKey = orgId,
        RowKey = ClaimPrefix + sha256,
        ImportId = importId,
        ImportRowKey = importRowKey,
        BlobName = blobName,
    };

    public static ImportReport? ReadReport(ImportEntity row) =>
        row.Report is { Length: > 0 } json ? JsonSerializer.Deserialize<ImportReport>(json, ReportJson.Options) : null;
}

public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
