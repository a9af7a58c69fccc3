using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// While armed, fails every entity-group transaction (<c>POST …/$batch</c>) before it leaves the process, as a dropped
/// connection would; every other request goes through. Added per call, so the client's retries never see the batch.
/// </summary>
public sealed class FailingBatchPolicy : HttpPipelinePolicy
{
    private volatile bool _armed;

    public int Failed { get; private set; }

    public void Arm() => _armed = true;

    public void Disarm() => _armed = false;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        FailIfBatch(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        FailIfBatch(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void FailIfBatch(HttpMessage message)
    {
        if (_armed && message.Request.Method == RequestMethod.Post
            && message.Request.Uri.ToUri().AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal))
        {
            Failed++;
            throw new RequestFailedException("Injected fault: the transaction never reached storage.");
        }
    }
}
