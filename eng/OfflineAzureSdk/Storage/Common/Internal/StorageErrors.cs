using System.Text;
using System.Xml.Linq;

namespace Azure.Storage.Internal;

internal static class StorageErrors
{
    /// <summary>
    /// A RequestFailedException carrying the status, the storage error code and the response.
    /// Azure.Core copies a textual error body into the message; an authentication failure's body
    /// echoes the request's signature (AuthenticationErrorDetail), so that element is removed first.
    /// </summary>
    public static async ValueTask<RequestFailedException> CreateAsync(Response response, bool async, CancellationToken cancellationToken)
    {
        await BufferAsync(response, async, cancellationToken).ConfigureAwait(false);
        StripAuthenticationDetail(response);
        return new RequestFailedException(response, null, StorageErrorParser.Instance);
    }

    public static bool HasErrorCode(this RequestFailedException ex, string errorCode) =>
        string.Equals(ex.ErrorCode, errorCode, StringComparison.Ordinal);

    // Streaming downloads leave the body on the wire; an error body is small, so read it in.
    private static async ValueTask BufferAsync(Response response, bool async, CancellationToken cancellationToken)
    {
        var stream = response.ContentStream;
        if (stream is null || stream is MemoryStream)
        {
            return;
        }
        var buffer = new MemoryStream();
        if (async)
        {
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            stream.CopyTo(buffer);
        }
        stream.Dispose();
        buffer.Position = 0;
        response.ContentStream = buffer;
    }

    private static void StripAuthenticationDetail(Response response)
    {
        var xml = StorageErrorParser.TryReadXml(response);
        var details = xml?.Root?.Elements().Where(e => e.Name.LocalName.StartsWith("Authentication", StringComparison.Ordinal)).ToList();
        if (xml is null || details is null || details.Count == 0)
        {
            return;
        }
        details.ForEach(d => d.Remove());
        response.ContentStream = new MemoryStream(Encoding.UTF8.GetBytes(xml.ToString(SaveOptions.DisableFormatting)));
    }
}
