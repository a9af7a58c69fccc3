using Azure.Core;
using Azure.Core.Pipeline;

namespace Azure.Storage.Internal;

/// <summary>Stamps the service version the client speaks on every request.</summary>
internal sealed class StorageHeaderPolicy(string serviceVersion) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("x-ms-version", serviceVersion);
}
