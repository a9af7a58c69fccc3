using System.Threading.Channels;

namespace OrgFunctions.LocalHost.Tests.Support;

/// <summary>Waits for things that tests cause, with a generous bound so a broken feature fails instead of hanging.</summary>
public static class Await
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task<T> NextAsync<T>(ChannelReader<T> reader) =>
        await reader.ReadAsync().AsTask().WaitAsync(Bound);

    public static Task Within(this Task task) => task.WaitAsync(Bound);
}
