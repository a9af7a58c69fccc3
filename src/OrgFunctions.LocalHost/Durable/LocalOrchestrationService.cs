using System.Reflection;
using System.Runtime.ExceptionServices;
using DurableTask.Core;

namespace OrgFunctions.LocalHost.Durable;

/// <summary>
/// The Azure Storage provider as the sidecar drives it, with one guard. The sidecar stops its dispatchers (and so the
/// provider) when its web host stops, even if they never started or are still starting; the provider's stop throws
/// when it never started, and the sidecar calls it from an <c>async void</c> handler, so that exception would end the
/// process. Here a stop waits for a start in progress and does nothing when none began; every other call goes
/// straight to the provider. (The provider's class is sealed, hence a proxy of its interface.)
/// </summary>
internal class LocalOrchestrationService : DispatchProxy
{
    private readonly object _gate = new();
    private IOrchestrationService _provider = null!;
    private Task? _starting;

    public static IOrchestrationService Over(IOrchestrationService provider)
    {
        var proxy = Create<IOrchestrationService, LocalOrchestrationService>();
        ((LocalOrchestrationService)(object)proxy)._provider = provider;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args) => method?.Name switch
    {
        nameof(IOrchestrationService.StartAsync) => StartAsync(),
        nameof(IOrchestrationService.StopAsync) => StopAsync(args is [bool isForced] && isForced),
        _ => Forward(method!, args),
    };

    private Task StartAsync()
    {
        lock (_gate)
        {
            return _starting ??= _provider.StartAsync();
        }
    }

    private async Task StopAsync(bool isForced)
    {
        Task? starting;
        lock (_gate)
        {
            (starting, _starting) = (_starting, null);
        }
        if (starting is null)
        {
            return;
        }
        try
        {
            await starting;
        }
        catch (Exception)
        {
            return; // it never ran, so there is nothing to stop
        }
        await _provider.StopAsync(isForced);
    }

    private object? Forward(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_provider, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
