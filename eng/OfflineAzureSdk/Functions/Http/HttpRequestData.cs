using System.Collections.Specialized;
using System.Security.Claims;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>An HTTP request as the worker model sees it (Worker.Core). Abstract, as in the real package.</summary>
public abstract class HttpRequestData
{
    public HttpRequestData(FunctionContext functionContext)
    {
        FunctionContext = functionContext ?? throw new ArgumentNullException(nameof(functionContext));
    }

    public abstract Stream Body { get; }

    public abstract HttpHeadersCollection Headers { get; }

    public abstract IReadOnlyCollection<IHttpCookie> Cookies { get; }

    public abstract Uri Url { get; }

    public abstract IEnumerable<ClaimsIdentity> Identities { get; }

    public abstract string Method { get; }

    public FunctionContext FunctionContext { get; }

    public abstract NameValueCollection Query { get; }

    public abstract HttpResponseData CreateResponse();
}
