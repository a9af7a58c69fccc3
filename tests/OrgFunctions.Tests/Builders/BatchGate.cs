using Azure.Core;
using Azure.Core.Pipeline;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// While open for <c>n</c> requests, holds every entity-group transaction (<c>POST …/$batch</c>) until <c>n</c> of them are
/// waiting, then lets them all go at once: n requests that each read a row and then write it are forced to read the same
/// version first, whatever the scheduler does. Gives up holding after a timeout, so a test fails instead of hanging.
/// </summary>
public sealed class BatchGate : HttpPipelinePolicy
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly object _lock = new();
    private int _expected;
    private int _waiting;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Hold the next <paramref name="count"/> transactions until all of them are waiting.</summary>
    public void HoldNext(int count)
    {
        lock (_lock)
        {
            _expected = count;
            _waiting = 0;
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        WaitAsync(message).GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await WaitAsync(message);
        await ProcessNextAsync(message, pipeline);
    }

    private async Task WaitAsync(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Post || !message.Request.Uri.ToUri().AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal))
        {
            return;
        }
        Task release;
        lock (_lock)
        {
            if (_waiting >= _expected)
            {
                return;
            }
            _waiting++;
            release = _release.Task;
            if (_waiting == _expected)
            {
                _release.TrySetResult();
            }
        }
        await release.WaitAsync(Timeout).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
