using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>HTTP helpers for <see cref="DurableTaskClient"/> (Worker.Extensions.DurableTask).</summary>
public static class DurableTaskClientExtensions
{
    /// <summary>A 202 response whose body holds the instance's management URLs and whose Location is its status URL.</summary>
    public static Task<HttpResponseData> CreateCheckStatusResponseAsync(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        CancellationToken cancellation = default) =>
        client.CreateCheckStatusResponseAsync(request, instanceId, HttpStatusCode.Accepted, cancellation);

    public static async Task<HttpResponseData> CreateCheckStatusResponseAsync(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        HttpStatusCode statusCode,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);

        var payload = CreatePayload(client, request, instanceId);
        var response = request.CreateResponse();
        response.StatusCode = statusCode;
        response.Headers.TryAddWithoutValidation("Location", payload.StatusQueryGetUri);
        response.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        // The worker's default serializer: System.Text.Json with web (camelCase) settings.
        await JsonSerializer.SerializeAsync(response.Body, payload, WebJson, cancellation);
        return response;
    }

    /// <summary>The management URLs of an instance, based on the request's scheme and host.</summary>
    public static HttpManagementPayload CreateHttpManagementPayload(
        this DurableTaskClient client,
        string instanceId,
        HttpRequestData? request = null)
    {
        if (string.IsNullOrEmpty(instanceId))
        {
            throw new ArgumentException("InstanceId cannot be null or empty.", nameof(instanceId));
        }
        return CreatePayload(client, request, instanceId);
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static HttpManagementPayload CreatePayload(DurableTaskClient client, HttpRequestData? request, string instanceId)
    {
        // From a request: its host plus the webhook path. Without one: the base URL the binding gave the client.
        var clientBase = (client as FunctionsDurableTaskClient)?.HttpBaseUrl;
        var managementBase = request is not null
            ? $"{BaseUrl(request)}/runtime/webhooks/durabletask"
            : clientBase ?? throw new InvalidOperationException(
                "Failed to create HTTP management payload as base URL is null. Either use Functions bindings or provide an HTTP request to create the HttpPayload.");
        var instanceUrl = $"{managementBase}/instances/{Uri.EscapeDataString(instanceId)}";
        var query = (client as FunctionsDurableTaskClient)?.QueryString;

        return new HttpManagementPayload
        {
            Id = instanceId,
            PurgeHistoryDeleteUri = WithQuery(instanceUrl, query),
            SendEventPostUri = WithQuery($"{instanceUrl}/raiseEvent/{{eventName}}", query),
            StatusQueryGetUri = WithQuery(instanceUrl, query),
            TerminatePostUri = WithQuery($"{instanceUrl}/terminate", "reason={text}", query),
            SuspendPostUri = WithQuery($"{instanceUrl}/suspend", "reason={text}", query),
            ResumePostUri = WithQuery($"{instanceUrl}/resume", "reason={text}", query),
        };
    }

    private static string WithQuery(string url, params string?[] parts)
    {
        var present = parts.Where(part => !string.IsNullOrEmpty(part)).ToArray();
        return present.Length == 0 ? url : url + "?" + string.Join("&", present);
    }

    // As the real extension: the request's own scheme and host, unless a proxy said otherwise.
    private static string BaseUrl(HttpRequestData request)
    {
        var proto = request.Url.Scheme;
        var host = request.Url.Authority;
        if (request.Headers.TryGetValues("Forwarded", out var forwarded))
        {
            var pairs = (forwarded.FirstOrDefault() ?? string.Empty).Split(';')
                .Select(pair => pair.Split('='))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
            proto = pairs.GetValueOrDefault("proto", proto);
            if (pairs.TryGetValue("host", out var forwardedHost))
            {
                return $"{proto}://{forwardedHost}";
            }
        }
        if (request.Headers.TryGetValues("X-Forwarded-Proto", out var protos))
        {
            proto = protos.FirstOrDefault() ?? proto;
        }
        if (request.Headers.TryGetValues("X-Forwarded-Host", out var hosts))
        {
            host = hosts.FirstOrDefault() ?? host;
        }
        return $"{proto}://{host}";
    }
}
