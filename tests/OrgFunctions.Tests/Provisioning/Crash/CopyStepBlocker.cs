using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.LocalHost.Hosting;

namespace OrgFunctions.Tests.Provisioning.Crash;

/// <summary>
/// Test-only: loaded by a local host started with <c>--functions-assembly</c> pointing at this test assembly, it holds
/// the copy step mid-way so the crash test can kill the host there. With <c>ProvisioningCrashTest:BlockTemplateBatch=N</c>
/// the app's table client never sends the N-th transaction that writes template rows (earlier ones go through).
/// Without the setting it changes nothing. Production code knows nothing of it.
/// </summary>
public sealed class CopyStepBlocker : ILocalHostStartup
{
    public const string Setting = "ProvisioningCrashTest:BlockTemplateBatch";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        if (!int.TryParse(configuration[Setting], out var blockedBatch))
        {
            return;
        }
        var options = new TableClientOptions();
        options.AddPolicy(new BlockTemplateBatchPolicy(blockedBatch), HttpPipelinePosition.PerCall);
        services.AddSingleton(new TableServiceClient(configuration["AzureWebJobsStorage"], options));
    }

    private sealed class BlockTemplateBatchPolicy(int blockedBatch) : HttpPipelinePolicy
    {
        private int _templateBatches;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.ToString().Contains("batch", StringComparison.Ordinal) && message.Request.Content is { } content)
            {
                using var buffer = new MemoryStream();
                await content.WriteToAsync(buffer, message.CancellationToken);
                if (Encoding.UTF8.GetString(buffer.ToArray()).Contains("tpl:", StringComparison.Ordinal)
                    && Interlocked.Increment(ref _templateBatches) >= blockedBatch)
                {
                    await Task.Delay(Timeout.Infinite, message.CancellationToken);
                }
            }
            await ProcessNextAsync(message, pipeline);
        }
    }
}
