using System.Collections.Specialized;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace OrgFunctions.Provisioning;

/// <summary>
/// An ASP.NET Core request seen as the worker's <see cref="HttpRequestData"/>, for the Durable extension's
/// <c>CreateHttpManagementPayload</c>, which builds the management URLs from the request's URL and forwarding headers.
/// Only what that reads is carried; the body has already been consumed.
/// </summary>
internal sealed class RequestUrlData(FunctionContext context, HttpRequest request) : HttpRequestData(context)
{
    public override Stream Body => Stream.Null;

    public override HttpHeadersCollection Headers { get; } =
        new(request.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value.Select(v => v ?? ""))));

    public override IReadOnlyCollection<IHttpCookie> Cookies => [];

    public override Uri Url { get; } = new(request.GetEncodedUrl());

    public override IEnumerable<ClaimsIdentity> Identities => [];

    public override string Method => request.Method;

    public override NameValueCollection Query => [];

    public override HttpResponseData CreateResponse() =>
        throw new NotSupportedException("This request view only carries the URL for management links.");
}
