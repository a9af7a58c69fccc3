using Azure.Core;
using Azure.Core.Pipeline;

namespace Azure.Storage.Internal;

/// <summary>Appends a connection string's SharedAccessSignature to every request's query.</summary>
internal sealed class SasQueryPolicy(string sas) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri;
        if (uri.Query.Contains("sig=", StringComparison.Ordinal))
        {
            return; // the URI already carries a SAS
        }
        var query = uri.Query.Length > 1 ? uri.Query.TrimStart('?') + "&" + sas : sas;
        uri.Query = "?" + query;
    }
}
