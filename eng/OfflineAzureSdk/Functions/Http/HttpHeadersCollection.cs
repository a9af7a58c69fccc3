using System.Net.Http.Headers;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>HTTP headers of a request or response.</summary>
public sealed class HttpHeadersCollection : HttpHeaders
{
    public HttpHeadersCollection()
    {
    }

    public HttpHeadersCollection(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        foreach (var header in headers)
        {
            TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    public HttpHeadersCollection(IEnumerable<KeyValuePair<string, string>> headers)
    {
        foreach (var header in headers)
        {
            TryAddWithoutValidation(header.Key, header.Value);
        }
    }
}
