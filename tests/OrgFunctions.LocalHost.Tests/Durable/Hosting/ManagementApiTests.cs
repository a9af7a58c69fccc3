using System.Net;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.Durable.Hosting;

/// <summary>
/// The local host serves no Durable HTTP management API (the Functions host's /runtime/webhooks/durabletask): it would
/// act on the task hub without the app's permission checks. Apps expose status routes of their own.
/// </summary>
public sealed class ManagementApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task DurableManagementRoutesAreNotServed()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var id = await host.Durable.ScheduleNewOrchestrationInstanceAsync("AwaitApproval");
        (string Method, string Path)[] routes =
        [
            ("GET", $"runtime/webhooks/durabletask/instances/{id}"),
            ("GET", "runtime/webhooks/durabletask/instances"),
            ("POST", $"runtime/webhooks/durabletask/instances/{id}/raiseEvent/Approval"),
            ("POST", $"runtime/webhooks/durabletask/instances/{id}/terminate"),
            ("DELETE", $"runtime/webhooks/durabletask/instances/{id}"),
            ("POST", "runtime/webhooks/durabletask/orchestrators/AwaitApproval"),
        ];

        foreach (var (method, path) in routes)
        {
            using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
        }
    }
}
