using Microsoft.DurableTask;
using Moq;

namespace OrgFunctions.LocalHost.Tests.Durable.Samples;

/// <summary>Orchestrators are unit-tested against a mocked TaskOrchestrationContext, as with the real package.</summary>
public sealed class ShippingOrchestratorTests
{
    [Fact]
    public async Task ShipParcelPrintsALabelWithRetriesAndNotifiesTheCarrier()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.CallActivityAsync<string>(nameof(ShippingOrchestrator.PrintLabel), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .ReturnsAsync("LBL-p1-3");
        context.Setup(c => c.CallActivityAsync(nameof(ShippingOrchestrator.NotifyCarrier), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .Returns(Task.CompletedTask);

        var label = await ShippingOrchestrator.ShipParcel(context.Object, new ShippingOrchestrator.Parcel("p1", 3));

        Assert.Equal("LBL-p1-3", label);
        context.Verify(c => c.CallActivityAsync<string>(nameof(ShippingOrchestrator.PrintLabel),
            It.Is<object>(o => ((ShippingOrchestrator.Parcel)o).Id == "p1"),
            It.Is<TaskOptions>(o => o.Retry!.Policy!.MaxNumberOfAttempts == 3)));
        context.Verify(c => c.CallActivityAsync(nameof(ShippingOrchestrator.NotifyCarrier), "LBL-p1-3", It.IsAny<TaskOptions>()));
        context.Verify(c => c.SetCustomStatus(It.IsAny<object>()), Times.Never);
    }

    [Fact]
    public async Task ACarrierFailureIsReportedInTheCustomStatus()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.CallActivityAsync<string>(nameof(ShippingOrchestrator.PrintLabel), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .ReturnsAsync("LBL-p2-1");
        context.Setup(c => c.CallActivityAsync(nameof(ShippingOrchestrator.NotifyCarrier), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .ThrowsAsync(new TaskFailedException(nameof(ShippingOrchestrator.NotifyCarrier), 1,
                new TaskFailureDetails("System.TimeoutException", "carrier down", null, null, null)));

        await ShippingOrchestrator.ShipParcel(context.Object, new ShippingOrchestrator.Parcel("p2", 1));

        context.Verify(c => c.SetCustomStatus("carrier not notified"));
    }
}
