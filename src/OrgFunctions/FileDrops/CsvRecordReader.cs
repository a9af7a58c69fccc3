using System.Text;

namespace OrgFunctions.FileDrops;

public enum RecordStatus
{
    Record,
    End,
    TooLong,
    UnterminatedQuote,
}

/// <summary>
/// Reads CSV records (RFC 4180: comma-separated, optional double quotes with <c>""</c> escapes, line breaks inside quotes,
/// CRLF or LF) one at a time from a stream, holding one record at most. A record longer than the row limit is skipped
/// to its end without being kept. Bytes that aren't UTF-8 throw <see cref="DecoderFallbackException"/> from the decoder.
/// Blank lines are skipped.
/// </summary>
public sealed class CsvRecordReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly TextReader _reader;
    private readonly int _maxRowBytes;
    private readonly char[] _buffer = new char[32 * 1024];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _position;
    private int _length;
    private int _nextLine = 1;
    private bool _first = true;

    public CsvRecordReader(Stream stream, int maxRowBytes)
    {
        _reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        _maxRowBytes = maxRowBytes;
    }

    /// <summary>The fields of the record just read.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>The line on which the record just read starts (1-based; the header is line 1).</summary>
    public int LineNumber { get; private set; }

    public async ValueTask<RecordStatus> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await ReadOneAsync(cancellationToken);
            if (status != RecordStatus.Record || _fields.Count > 1 || _fields[0].Length > 0)
            {
                return status;
            }
        }
    }

    private async ValueTask<RecordStatus> ReadOneAsync(CancellationToken cancellationToken)
    {
        _fields.Clear();
        _field.Clear();
        LineNumber = _nextLine;
        var c = await NextAsync(cancellationToken);
        if (c < 0)
        {
            return RecordStatus.End;
        }
        if (_first)
        {
            _first = false;
            if (c == '\uFEFF')
            {
                c = await NextAsync(cancellationToken);
            }
        }

        var bytes = 0;
        var tooLong = false;
        var inQuotes = false;
        var fieldStarted = false;
        while (true)
        {
            if (c < 0)
            {
                if (inQuotes)
                {
                    return RecordStatus.UnterminatedQuote;
                }
                EndField();
                return tooLong ? RecordStatus.TooLong : RecordStatus.Record;
            }
            var ch = (char)c;
            bytes += ch < 0x80 ? 1 : ch < 0x800 || char.IsSurrogate(ch) ? 2 : 3;
            if (bytes > _maxRowBytes && !tooLong)
            {
                tooLong = true;
                _field.Clear();
                _fields.Clear();
            }

            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (await PeekAsync(cancellationToken) == '"')
                    {
                        await NextAsync(cancellationToken);
                        Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _nextLine++;
                    }
                    Append(ch);
                }
            }
            else if (ch == '"' && !fieldStarted)
            {
                inQuotes = true;
                fieldStarted = true;
            }
            else if (ch == ',')
            {
                EndField();
                fieldStarted = false;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && await PeekAsync(cancellationToken) == '\n')
                {
                    await NextAsync(cancellationToken);
                }
                _nextLine++;
                EndField();
                return tooLong ? RecordStatus.TooLong : RecordStatus.Record;
            }
            else
            {
                fieldStarted = true;
                Append(ch);
            }
            c = await NextAsync(cancellationToken);
        }

        void Append(char value)
        {
            if (!tooLong)
            {
                _field.Append(value);
            }
        }

        void EndField()
        {
            if (!tooLong)
            {
                _fields.Add(_field.ToString());
            }
            _field.Clear();
        }
    }

    private async ValueTask<int> NextAsync(CancellationToken cancellationToken)
    {
        if (_position == _length && !await FillAsync(cancellationToken))
        {
            return -1;
        }
        return _buffer[_position++];
    }

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken)
    {
        if (_position == _length && !await FillAsync(cancellationToken))
        {
            return -1;
        }
        return _buffer[_position];
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        return _length > 0;
    }
}
