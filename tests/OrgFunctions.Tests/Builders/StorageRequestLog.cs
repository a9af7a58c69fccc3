using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OrgFunctions.Tests.Builders;

/// <summary>What one storage request was, as far as cost goes.</summary>
public enum StorageRequestKind
{
    PointRead,
    Query,
    Batch,
    Write,
    Other,
}

public sealed record StorageRequest(string Method, string Table, StorageRequestKind Kind, string Uri);

/// <summary>
/// A pipeline policy that records every request a Table client sends (per call, so retries don't double-count).
/// Add it to a <c>TableClientOptions</c>; <see cref="Reset"/> right before the request under test.
/// </summary>
public sealed class StorageRequestLog : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<StorageRequest> _requests = new();

    public IReadOnlyList<StorageRequest> Requests => _requests.ToList();

    public void Reset() => _requests.Clear();

    public int Count(StorageRequestKind kind, string? table = null) =>
        Requests.Count(r => r.Kind == kind && (table is null || r.Table == table));

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        var request = message.Request;
        var uri = request.Uri.ToUri();
        var resource = Uri.UnescapeDataString(uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "");
        var table = resource.Split('(')[0];
        var isEntity = resource.Contains("(PartitionKey=", StringComparison.Ordinal);
        var method = request.Method.Method;
        var kind = (method, isEntity) switch
        {
            ("GET", true) => StorageRequestKind.PointRead,
            ("GET", false) when table is not "Tables" => StorageRequestKind.Query,
            ("POST", false) when table == "$batch" => StorageRequestKind.Batch,
            (_, true) => StorageRequestKind.Write,
            _ => StorageRequestKind.Other,
        };
        _requests.Enqueue(new StorageRequest(method, table, kind, uri.PathAndQuery));
    }
}
