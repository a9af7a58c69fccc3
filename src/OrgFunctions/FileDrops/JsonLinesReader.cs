using System.Text;
using System.Text.Json;

namespace OrgFunctions.FileDrops;

/// <summary>
/// Reads JSON Lines (one JSON object per line, UTF-8) one line at a time, holding one line at most; a line longer than
/// the row limit is skipped to its end without being kept. Blank lines are skipped. Bytes that aren't UTF-8 throw
/// <see cref="DecoderFallbackException"/>.
/// </summary>
internal sealed class JsonLinesReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly TextReader _reader;
    private readonly int _maxRowBytes;
    private readonly StringBuilder _line = new();
    private int _nextLine = 1;

    public JsonLinesReader(Stream stream, int maxRowBytes)
    {
        _reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        _maxRowBytes = maxRowBytes;
    }

    public int LineNumber { get; private set; }

    /// <summary>The fields of the line just read, by lowercase name (strings only).</summary>
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the line just read is not a usable object (null when it is).</summary>
    public string? Problem { get; private set; }

    public async ValueTask<RecordStatus> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            LineNumber = _nextLine;
            var (status, text) = await ReadLineAsync(cancellationToken);
            if (status != RecordStatus.Record)
            {
                return status;
            }
            if (LineNumber == 1 && text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            Parse(text);
            return RecordStatus.Record;
        }
    }

    private void Parse(string text)
    {
        Fields.Clear();
        Problem = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Problem = "is not a JSON object";
                return;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = property.Name.Trim().ToLowerInvariant();
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        Fields[name] = property.Value.GetString()!;
                        break;
                    case JsonValueKind.Null:
                        Fields[name] = "";
                        break;
                    case JsonValueKind.Array when property.Value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String):
                        Fields[name] = string.Join(';', property.Value.EnumerateArray().Select(i => i.GetString()));
                        break;
                    default:
                        Problem = $"field '{ReportText.Neutralise(property.Name)}' must be a string";
                        return;
                }
            }
        }
        catch (JsonException)
        {
            Problem = "is not valid JSON";
        }
        catch (InvalidOperationException)
        {
            // What System.Text.Json throws when a string or name escapes half a surrogate pair ("\ud800"): bad text, not a crash.
            Problem = "holds text that is not Unicode (an unpaired surrogate escape)";
        }
    }

    private async ValueTask<(RecordStatus, string)> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var bytes = 0;
        var tooLong = false;
        var buffer = new char[1];
        var any = false;
        while (await _reader.ReadAsync(buffer.AsMemory(), cancellationToken) == 1)
        {
            any = true;
            var c = buffer[0];
            if (c == '\n')
            {
                _nextLine++;
                return (tooLong ? RecordStatus.TooLong : RecordStatus.Record, _line.ToString().TrimEnd('\r'));
            }
            bytes += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate(c) ? 2 : 3;
            if (bytes > _maxRowBytes)
            {
                tooLong = true;
                _line.Clear();
            }
            if (!tooLong)
            {
                _line.Append(c);
            }
        }
        if (!any)
        {
            return (RecordStatus.End, "");
        }
        _nextLine++;
        return (tooLong ? RecordStatus.TooLong : RecordStatus.Record, _line.ToString().TrimEnd('\r'));
    }
}
