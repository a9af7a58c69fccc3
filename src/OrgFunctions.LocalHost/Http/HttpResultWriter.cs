using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Http;

namespace OrgFunctions.LocalHost.Http;

/// <summary>Writes what an HTTP function returned, as the ASP.NET Core integration does.</summary>
internal static class HttpResultWriter
{
    public static async Task WriteAsync(HttpContext http, object? result)
    {
        switch (result)
        {
            case null:
                return;
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                return;
            case IResult httpResult:
                await httpResult.ExecuteAsync(http);
                return;
            case HttpResponseData responseData:
                await WriteResponseDataAsync(http, responseData);
                return;
            case string text:
                http.Response.ContentType ??= "text/plain; charset=utf-8";
                await http.Response.WriteAsync(text, http.RequestAborted);
                return;
            default:
                await http.Response.WriteAsJsonAsync(result, result.GetType(), http.RequestAborted);
                return;
        }
    }

    private static async Task WriteResponseDataAsync(HttpContext http, HttpResponseData response)
    {
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers)
        {
            http.Response.Headers[header.Key] = header.Value.ToArray();
        }
        if (response.Cookies is ResponseCookies cookies)
        {
            cookies.ApplyTo(http.Response);
        }
        if (response.Body.CanSeek)
        {
            response.Body.Position = 0;
        }
        await response.Body.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
