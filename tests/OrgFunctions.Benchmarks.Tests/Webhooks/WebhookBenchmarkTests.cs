using OrgFunctions.Benchmarks.Webhooks;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Benchmarks.Tests.Webhooks;

/// <summary>The webhook benchmark's quick mode runs and measures what it claims (it throws if work went missing).</summary>
public class WebhookBenchmarkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task QuickModeMeasuresDeliveryAndFanOutAgainstTheirRawBaselines()
    {
        var report = await WebhookBenchmark.RunAsync(azurite.ConnectionString, BenchmarkSize.Quick);

        Assert.Equal(2, report.Measurements.Count);
        Assert.All(report.Measurements, m =>
        {
            Assert.True(m.Operations > 0);
            Assert.True(double.IsFinite(m.Ratio) && m.Ratio > 0, report.ToText());
        });
        Assert.Contains("delivery", report.Measurements[0].Name);
        Assert.Contains("fan-out", report.Measurements[1].Name);
    }
}
