using System.Text;
using System.Xml.Linq;
using Azure.Core;

namespace Azure.Storage.Internal;

/// <summary>
/// Reads a storage error: the code from <c>x-ms-error-code</c> (HEAD responses have no body) or
/// the XML <c>&lt;Error&gt;&lt;Code&gt;</c>, and the message from <c>&lt;Message&gt;</c>.
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static readonly StorageErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        var xml = TryReadXml(response);
        if (xml?.Root is { Name.LocalName: "Error" } root)
        {
            code ??= root.Element("Code")?.Value;
            message = root.Element("Message")?.Value;
        }
        if (code is null && message is null)
        {
            error = null;
            return false;
        }
        error = new ResponseError(code, message ?? code);
        return true;
    }

    internal static XDocument? TryReadXml(Response response)
    {
        try
        {
            var content = response.Content;
            if (content is null || content.ToMemory().Length == 0)
            {
                return null;
            }
            return XDocument.Parse(Encoding.UTF8.GetString(content.ToMemory().Span).TrimStart('\uFEFF'));
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or InvalidOperationException)
        {
            return null;
        }
    }
}
