using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrgFunctions.Tests.Builders;

/// <summary>Sub-org provisioning over HTTP: start it, then poll its status route until it ends.</summary>
public static class ProvisioningHttp
{
    /// <summary>Fast retries, so a test that makes a step fail ends in well under a second of back-off.</summary>
    public static readonly string[] FastRetries = ["--Provisioning:StepMaxAttempts=2", "--Provisioning:StepFirstRetrySeconds=0.05"];

    public static Task<HttpResponseMessage> StartAsync(AppHost app, string apiKey, string parentId, object body, string? idempotencyKey = null)
    {
        var request = AppHost.Request(HttpMethod.Post, $"api/orgs/{parentId}/children", apiKey, body);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return app.Client.SendAsync(request);
    }

    /// <summary>Polls <c>GET /api/provisioning/{id}</c> until the status is completed or failed.</summary>
    public static async Task<JsonElement> WaitAsync(AppHost app, string apiKey, string instanceId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/provisioning/{instanceId}", apiKey));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (status.GetProperty("status").GetString() is "completed" or "failed")
            {
                return status;
            }
            Assert.True(DateTime.UtcNow < deadline, "The provisioning did not end in time: " + status);
            await Task.Delay(50);
        }
    }

    /// <summary>Creates a sub-org and waits for it; returns its id.</summary>
    public static async Task<string> CreateChildAsync(AppHost app, string apiKey, string parentId, object body)
    {
        using var response = await StartAsync(app, apiKey, parentId, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        var status = await WaitAsync(app, apiKey, started.GetProperty("id").GetString()!);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        return started.GetProperty("orgId").GetString()!;
    }

    public static async Task<JsonElement> GetJsonAsync(AppHost app, string apiKey, string path)
    {
        using var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, path, apiKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A key of <paramref name="orgId"/> with a system role, issued over HTTP.</summary>
    public static async Task<string> KeyAsync(AppHost app, string apiKey, string orgId, string roleId)
    {
        using var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/api-keys", apiKey,
            new { name = "key " + roleId, roleId }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }
}
