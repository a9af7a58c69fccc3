using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Azure.Storage.Internal;
using Azure.Storage.Queues.Models;

namespace Azure.Storage.Queues.Internal;

/// <summary>
/// The Queue service's XML: request bodies <c>&lt;QueueMessage&gt;&lt;MessageText&gt;…</c> (escaped by
/// XmlWriter) and <c>QueueMessagesList/QueueMessage</c> responses; plus the Base64 message encoding.
/// </summary>
internal static class QueueMessageXml
{
    public static byte[] Body(string messageText)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("QueueMessage");
            writer.WriteElementString("MessageText", messageText);
            writer.WriteEndElement();
        }
        return buffer.ToArray();
    }

    public static string Encode(BinaryData message, QueueMessageEncoding encoding) =>
        encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(message.ToMemory().Span) : message.ToString();

    /// <summary>The message body, or null when Base64 was expected and the text isn't.</summary>
    public static BinaryData? Decode(string text, QueueMessageEncoding encoding)
    {
        if (encoding != QueueMessageEncoding.Base64)
        {
            return BinaryData.FromString(text);
        }
        try
        {
            return BinaryData.FromBytes(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static IEnumerable<XElement> Messages(XDocument? xml) => xml?.Root?.Elements("QueueMessage") ?? [];

    public static SendReceipt ReadSendReceipt(XElement message) => new()
    {
        MessageId = Value(message, "MessageId") ?? "",
        InsertionTime = Date(message, "InsertionTime") ?? default,
        ExpirationTime = Date(message, "ExpirationTime") ?? default,
        PopReceipt = Value(message, "PopReceipt") ?? "",
        TimeNextVisible = Date(message, "TimeNextVisible") ?? default,
    };

    public static QueueMessage? ReadReceived(XElement message, QueueMessageEncoding encoding)
    {
        var body = Decode(Value(message, "MessageText") ?? "", encoding);
        return body is null ? null : new QueueMessage
        {
            MessageId = Value(message, "MessageId") ?? "",
            PopReceipt = Value(message, "PopReceipt") ?? "",
            Body = body,
            InsertedOn = Date(message, "InsertionTime"),
            ExpiresOn = Date(message, "ExpirationTime"),
            NextVisibleOn = Date(message, "TimeNextVisible"),
            DequeueCount = Long(message, "DequeueCount"),
        };
    }

    public static PeekedMessage? ReadPeeked(XElement message, QueueMessageEncoding encoding)
    {
        var body = Decode(Value(message, "MessageText") ?? "", encoding);
        return body is null ? null : new PeekedMessage
        {
            MessageId = Value(message, "MessageId") ?? "",
            Body = body,
            InsertedOn = Date(message, "InsertionTime"),
            ExpiresOn = Date(message, "ExpirationTime"),
            DequeueCount = Long(message, "DequeueCount"),
        };
    }

    private static string? Value(XElement parent, string name) => parent.Element(name)?.Value;

    private static DateTimeOffset? Date(XElement parent, string name) => StorageHeaders.ParseHttpDate(Value(parent, name));

    private static long Long(XElement parent, string name) =>
        long.TryParse(Value(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
