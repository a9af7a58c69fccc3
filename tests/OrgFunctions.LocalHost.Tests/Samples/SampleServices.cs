using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.LocalHost.Hosting;

namespace OrgFunctions.LocalHost.Tests.Samples;

public interface IGreeter
{
    string Greet(string name);
}

public sealed class Greeter : IGreeter
{
    public string Greet(string name) => $"Hello, {name}!";
}

/// <summary>Records the runs of the sample timer functions; tests register their own instance.</summary>
public sealed class TimerProbe
{
    private readonly ConcurrentQueue<string> _events = new();
    private int _running;
    private int _maxRunning;
    private int _sequence;

    public Channel<(string Function, TimerInfo Info)> Started { get; } = Channel.CreateUnbounded<(string, TimerInfo)>();

    /// <summary>When set, slowTimer waits for a release per run.</summary>
    public SemaphoreSlim? Gate { get; set; }

    public IReadOnlyCollection<string> Events => _events;

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public async Task RunAsync(string function, TimerInfo info, bool slow)
    {
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        var n = Interlocked.Increment(ref _sequence);
        _events.Enqueue($"start:{function}:{n}");
        Started.Writer.TryWrite((function, info));
        try
        {
            if (slow && Gate is { } gate)
            {
                await gate.WaitAsync();
            }
        }
        finally
        {
            _events.Enqueue($"end:{function}:{n}");
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

/// <summary>Registers the samples' services, as AddOrgFunctions does for the app.</summary>
public sealed class SamplesStartup : ILocalHostStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IGreeter, Greeter>();
        services.TryAddSingleton<TimerProbe>();
    }
}
