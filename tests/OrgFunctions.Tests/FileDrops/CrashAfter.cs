using Azure.Core;
using Azure.Core.Pipeline;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>
/// A pipeline policy that lets the first <c>allowed</c> matching requests through and then throws before sending any
/// more: the process "dies" at that point, with what was sent before it stored.
/// </summary>
public sealed class CrashAfter(int allowed, Func<Request, bool> matches) : HttpPipelinePolicy
{
    private int _seen;

    public bool Crashed { get; private set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Check(HttpMessage message)
    {
        if (matches(message.Request) && Interlocked.Increment(ref _seen) > allowed)
        {
            Crashed = true;
            throw new InvalidOperationException("Simulated crash.");
        }
    }

    public static CrashAfter Batches(int allowed) => new(allowed, r => r.Uri.Path.EndsWith("$batch", StringComparison.Ordinal));

    public static CrashAfter UploadsTo(string folder) =>
        new(0, r => r.Method == RequestMethod.Put && r.Uri.Path.Contains("/" + folder + "/", StringComparison.Ordinal));
}
