using System.Net;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>An HTTP response as the worker model sees it (Worker.Core). Abstract, as in the real package.</summary>
public abstract class HttpResponseData
{
    public HttpResponseData(FunctionContext functionContext)
    {
        FunctionContext = functionContext ?? throw new ArgumentNullException(nameof(functionContext));
    }

    public abstract HttpStatusCode StatusCode { get; set; }

    public abstract HttpHeadersCollection Headers { get; set; }

    public abstract Stream Body { get; set; }

    public abstract HttpCookies Cookies { get; }

    public FunctionContext FunctionContext { get; }

    public static HttpResponseData CreateResponse(HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.CreateResponse();
    }
}
