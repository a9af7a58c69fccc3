namespace OrgFunctions.Tests.Builders;

/// <summary>Waits for a condition that asynchronous work (timers, queues) will make true; fails after a generous limit.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {seconds} s: {what}");
            }
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 90) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
