using Azure.Core;
using Azure.Core.Pipeline;

namespace Azure.Data.Tables.Internal;

/// <summary>Appends a connection string's SharedAccessSignature to every request.</summary>
internal sealed class SasQueryPolicy(string sas) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        base.OnSendingRequest(message);
        var uri = message.Request.Uri;
        if (!uri.Query.Contains("sig=", StringComparison.Ordinal))
        {
            foreach (var pair in sas.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                uri.AppendQuery(eq < 0 ? pair : pair[..eq], eq < 0 ? string.Empty : pair[(eq + 1)..], escapeValue: false);
            }
        }
    }
}
