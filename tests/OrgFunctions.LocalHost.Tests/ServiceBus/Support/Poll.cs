using OrgFunctions.Testing.Hosting;

namespace OrgFunctions.LocalHost.Tests.ServiceBus.Support;

/// <summary>Waits for a condition by polling, with a generous deadline (tests never assert durations).</summary>
internal static class Poll
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Gave up waiting for {what}.");
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, deadline);

    /// <summary>As above, failing at once (with its output) if the child host exits meanwhile.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? deadline, ChildLocalHost host) =>
        UntilAsync(() =>
        {
            host.ThrowIfExited(what);
            return Task.FromResult(condition());
        }, what, deadline);
}
