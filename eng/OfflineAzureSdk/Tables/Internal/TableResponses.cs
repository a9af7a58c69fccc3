using System.Diagnostics.CodeAnalysis;
using Azure.Core;

namespace Azure.Data.Tables.Internal;

/// <summary>A NullableResponse without a value (e.g. GetEntityIfExists of a missing entity).</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T Value => throw new InvalidOperationException("The entity does not exist: the response has no value (HTTP " + response.Status + ").");

    public override Response GetRawResponse() => response;
}

/// <summary>One response inside a transaction's multipart answer.</summary>
internal sealed class BufferedResponse : Response
{
    private readonly List<(string Name, string Value)> _headers;

    public BufferedResponse(int status, string reasonPhrase, List<(string Name, string Value)> headers, byte[] content)
    {
        Status = status;
        ReasonPhrase = reasonPhrase;
        _headers = headers;
        ContentStream = new MemoryStream(content, writable: false);
    }

    public override int Status { get; }

    public override string ReasonPhrase { get; }

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = string.Empty;

    public override bool IsError => Status >= 400;

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => _headers.Any(h => Is(h.Name, name));

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Name, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        var values = _headers.Where(h => Is(h.Name, name)).Select(h => h.Value).ToList();
        value = values.Count == 0 ? null : string.Join(",", values);
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = _headers.Where(h => Is(h.Name, name)).Select(h => h.Value).ToList();
        values = found.Count == 0 ? null : found;
        return values is not null;
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
