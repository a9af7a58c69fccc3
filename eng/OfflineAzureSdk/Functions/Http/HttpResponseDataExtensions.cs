using System.Net;
using System.Text;
using Azure.Core.Serialization;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>Writing bodies to an <see cref="HttpResponseData"/> (Worker.Core).</summary>
public static class HttpResponseDataExtensions
{
    // The real worker takes the serializer from WorkerOptions; its default is System.Text.Json with web casing.
    private static readonly ObjectSerializer DefaultSerializer =
        new JsonObjectSerializer(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

    public static Task WriteStringAsync(this HttpResponseData response, string value, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(value);
        var bytes = (encoding ?? Encoding.UTF8).GetBytes(value);
        return response.Body.WriteAsync(bytes, 0, bytes.Length);
    }

    public static ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, CancellationToken cancellationToken = default) =>
        WriteAsJsonAsync(response, instance, HttpStatusCode.OK, cancellationToken);

    public static ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, HttpStatusCode statusCode,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.Remove("Content-Type");
        response.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        response.StatusCode = statusCode;
        return DefaultSerializer.SerializeAsync(response.Body, instance, typeof(T), cancellationToken);
    }
}
