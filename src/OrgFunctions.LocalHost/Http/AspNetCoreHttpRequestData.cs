using System.Collections.Specialized;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace OrgFunctions.LocalHost.Http;

/// <summary><see cref="HttpRequestData"/> over an ASP.NET Core request, for functions that bind the worker's own HTTP types.</summary>
internal sealed class AspNetCoreHttpRequestData(HttpContext http, FunctionContext context) : HttpRequestData(context)
{
    public override Stream Body => http.Request.Body;

    public override HttpHeadersCollection Headers { get; } =
        new(http.Request.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value.Select(v => v ?? ""))));

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } =
        http.Request.Cookies.Select(c => (IHttpCookie)new LocalHttpCookie(c.Key, c.Value)).ToList();

    public override Uri Url { get; } = new(http.Request.GetEncodedUrl());

    public override IEnumerable<ClaimsIdentity> Identities => http.User.Identities;

    public override string Method => http.Request.Method;

    public override NameValueCollection Query
    {
        get
        {
            var query = new NameValueCollection();
            foreach (var (key, values) in http.Request.Query)
            {
                foreach (var value in values)
                {
                    query.Add(key, value);
                }
            }
            return query;
        }
    }

    public override HttpResponseData CreateResponse() => new LocalHttpResponseData(FunctionContext);
}

/// <summary>A response built in memory and copied to the ASP.NET Core response when the function returns it.</summary>
internal sealed class LocalHttpResponseData(FunctionContext context) : HttpResponseData(context)
{
    public override System.Net.HttpStatusCode StatusCode { get; set; } = System.Net.HttpStatusCode.OK;

    public override HttpHeadersCollection Headers { get; set; } = new();

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies { get; } = new ResponseCookies();
}

internal sealed class LocalHttpCookie(string name, string value) : IHttpCookie
{
    public string? Domain { get; set; }
    public DateTimeOffset? Expires { get; set; }
    public bool? HttpOnly { get; set; }
    public double? MaxAge { get; set; }
    public string Name { get; set; } = name;
    public string? Path { get; set; }
    public SameSite SameSite { get; set; }
    public bool? Secure { get; set; }
    public string Value { get; set; } = value;
}

internal sealed class ResponseCookies : HttpCookies
{
    private readonly List<IHttpCookie> _cookies = [];

    public override void Append(string name, string value) => _cookies.Add(new LocalHttpCookie(name, value));

    public override void Append(IHttpCookie cookie) => _cookies.Add(cookie);

    public override IHttpCookie CreateNew() => new LocalHttpCookie("", "");

    public void ApplyTo(HttpResponse response)
    {
        foreach (var cookie in _cookies)
        {
            response.Cookies.Append(cookie.Name, cookie.Value, new CookieOptions
            {
                Domain = cookie.Domain,
                Expires = cookie.Expires,
                HttpOnly = cookie.HttpOnly ?? false,
                MaxAge = cookie.MaxAge is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Path = cookie.Path,
                Secure = cookie.Secure ?? false,
                SameSite = cookie.SameSite switch
                {
                    SameSite.Lax => Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                    SameSite.Strict => Microsoft.AspNetCore.Http.SameSiteMode.Strict,
                    SameSite.ExplicitNone => Microsoft.AspNetCore.Http.SameSiteMode.None,
                    _ => Microsoft.AspNetCore.Http.SameSiteMode.Unspecified,
                },
            });
        }
    }
}
