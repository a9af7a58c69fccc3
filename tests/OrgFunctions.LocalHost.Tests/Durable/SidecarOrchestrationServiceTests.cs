using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using OrgFunctions.LocalHost.Durable;
using OrgFunctions.LocalHost.Tests.Support;

namespace OrgFunctions.LocalHost.Tests.Durable;

/// <summary>The storage provider as the sidecar drives it: started and stopped in order, running activities kept locked.</summary>
public sealed class SidecarOrchestrationServiceTests
{
    private readonly Mock<IOrchestrationService> _provider = new();

    private SidecarOrchestrationService Service(TimeSpan? renewEvery = null) =>
        new(_provider.Object, renewEvery ?? TimeSpan.FromHours(1), NullLogger.Instance);

    [Fact]
    public async Task AStopDuringTheStartStopsTheProviderOnlyOnceItHasStarted()
    {
        var starting = new TaskCompletionSource();
        _provider.Setup(p => p.StartAsync()).Returns(starting.Task);
        var service = Service();

        var start = service.StartAsync();
        var stop = service.StopAsync();
        _provider.Verify(p => p.StopAsync(It.IsAny<bool>()), Times.Never);
        starting.SetResult();
        await Task.WhenAll(start, stop).Within();

        _provider.Verify(p => p.StopAsync(false), Times.Once);
    }

    [Fact]
    public async Task AfterAStopNothingStartsAndFetchesWaitUntilTheDispatcherStops()
    {
        var service = Service();
        await service.StopAsync();
        await service.StartAsync();
        using var dispatcherStopping = new CancellationTokenSource();

        var fetch = service.LockNextTaskActivityWorkItem(TimeSpan.FromSeconds(1), dispatcherStopping.Token);
        Assert.False(fetch.IsCompleted);
        await dispatcherStopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch.Within());
        _provider.Verify(p => p.StartAsync(), Times.Never);
        _provider.Verify(p => p.StopAsync(It.IsAny<bool>()), Times.Never);
        _provider.Verify(p => p.LockNextTaskActivityWorkItem(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ARunningActivityIsRenewedAndCompletesOnlyAfterARenewalInFlight()
    {
        var workItem = new TaskActivityWorkItem { Id = "activity-1" };
        var renewing = new TaskCompletionSource();
        var renewed = new TaskCompletionSource<TaskActivityWorkItem>();
        _provider.Setup(p => p.LockNextTaskActivityWorkItem(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ReturnsAsync(workItem);
        _provider.Setup(p => p.RenewTaskActivityWorkItemLockAsync(workItem)).Returns(() =>
        {
            renewing.TrySetResult();
            return renewed.Task;
        });
        var service = Service(renewEvery: TimeSpan.FromMilliseconds(10));

        await service.LockNextTaskActivityWorkItem(TimeSpan.FromSeconds(1), CancellationToken.None);
        await renewing.Task.Within();
        var complete = service.CompleteTaskActivityWorkItemAsync(workItem, new TaskMessage());
        // A renewal changes the message's pop receipt: completing with the old one would fail.
        _provider.Verify(p => p.CompleteTaskActivityWorkItemAsync(It.IsAny<TaskActivityWorkItem>(), It.IsAny<TaskMessage>()), Times.Never);
        renewed.SetResult(workItem);
        await complete.Within();

        _provider.Verify(p => p.CompleteTaskActivityWorkItemAsync(workItem, It.IsAny<TaskMessage>()), Times.Once);
    }
}
