using System.Text.Json;
using System.Xml.Linq;
using Azure.Core;

namespace Azure.Data.Tables.Internal;

/// <summary>
/// Reads the Table service's error bodies ({"odata.error":{"code","message":{"value"}}} or XML &lt;error&gt;) so that
/// RequestFailedException.ErrorCode carries e.g. "EntityAlreadyExists"; falls back to the x-ms-error-code header.
/// </summary>
internal sealed class TableErrorParser : RequestFailedDetailsParser
{
    public static TableErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        var (code, message) = ReadBody(response);
        if (code is null && response.Headers.TryGetValue("x-ms-error-code", out var headerCode))
        {
            code = headerCode;
        }
        error = code is null && message is null ? null : new ResponseError(code, message);
        return error is not null;
    }

    /// <summary>The error message, e.g. "57:The specified entity already exists." inside a failed transaction.</summary>
    public static (string? Code, string? Message) ReadBody(Response response)
    {
        var content = response.Content;
        if (content is null || content.ToMemory().Length == 0)
        {
            return (null, null);
        }
        try
        {
            using var json = JsonDocument.Parse(content.ToMemory());
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && (json.RootElement.TryGetProperty("odata.error", out var error) || json.RootElement.TryGetProperty("error", out error)))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                string? message = null;
                if (error.TryGetProperty("message", out var m))
                {
                    message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString()
                        : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                }
                return (code, message);
            }
        }
        catch (JsonException)
        {
            try
            {
                var root = XDocument.Parse(content.ToString()).Root;
                var code = root?.Elements().FirstOrDefault(e => e.Name.LocalName.Equals("code", StringComparison.OrdinalIgnoreCase))?.Value;
                var message = root?.Elements().FirstOrDefault(e => e.Name.LocalName.Equals("message", StringComparison.OrdinalIgnoreCase))?.Value;
                return (code, message);
            }
            catch (System.Xml.XmlException)
            {
                // Neither JSON nor XML: the status alone has to do.
            }
        }
        return (null, null);
    }
}
