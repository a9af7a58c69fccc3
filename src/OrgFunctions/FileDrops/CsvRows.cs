using System.Text.Unicode;
using CsvHelper;

namespace OrgFunctions.FileDrops;

/// <summary>
/// The records of a CSV file (RFC 4180: commas, double quotes with <c>""</c> escapes, line breaks inside quotes, CRLF or
/// LF, blank lines skipped), read by CsvHelper's <see cref="CsvReader"/> from UTF-8 with or without BOM, one record at a
/// time. What CsvHelper recovers from silently is turned into statuses here: a record over the row limit, a quote that
/// runs to the end of the file or across lines where it shouldn't, bytes that aren't UTF-8.
/// </summary>
public sealed class CsvRows : IAsyncDisposable
{
    private readonly CsvReader _reader;
    private readonly int _maxRowBytes;
    private CsvMalformedRecord? _malformed;

    public CsvRows(Stream stream, int maxRowBytes)
    {
        _maxRowBytes = maxRowBytes;
        _reader = CsvReader.Create(stream, CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrimWhitespace = false,
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            MaxRecordSize = MaxBufferedRowBytes(maxRowBytes),
            OnMalformedRecord = record => _malformed = record,
        }, leaveOpen: true);
    }

    /// <summary>
    /// Records up to four times the row limit are read, reported and passed over; a longer one (most often a quote never
    /// closed, which makes the rest of the file one record) stops reading. CsvHelper's <c>MaxRecordSize</c>: it bounds
    /// the reader's buffer to about twice that.
    /// </summary>
    public static int MaxBufferedRowBytes(int maxRowBytes) => maxRowBytes * 4;

    /// <summary>The line on which the record just read starts (1-based, counting every line; the header is line 1).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Where in the file the problem of the record just read is (bytes from the start).</summary>
    public long ByteOffset { get; private set; }

    public int FieldCount => _reader.FieldCount;

    /// <summary>A field of the record just read (empty past its last field).</summary>
    public string this[int index] => _reader[index].ToString();

    public async ValueTask<RecordStatus> ReadAsync(CancellationToken cancellationToken)
    {
        _malformed = null;
        try
        {
            if (!await _reader.ReadAsync(cancellationToken))
            {
                return RecordStatus.End;
            }
        }
        catch (CsvFormatException ex)
        {
            // The only format error these options throw for: a record longer than MaxRecordSize.
            (LineNumber, ByteOffset) = (ex.LineNumber, ex.ByteOffset);
            return RecordStatus.TooLongToGoOn;
        }
        (LineNumber, ByteOffset) = (_reader.LineNumber, _reader.ByteOffset);
        var raw = _reader.RawRecord;
        if (!Utf8.IsValid(raw))
        {
            ByteOffset += FirstInvalidByte(raw);
            return RecordStatus.NotUtf8;
        }
        if (raw.Length > _maxRowBytes)
        {
            return RecordStatus.TooLong;
        }
        if (_malformed is { } malformed && malformed.RecordNumber == _reader.RowNumber)
        {
            // CsvHelper reports a record's first quoting problem only. A stray quote inside one line (=HYPERLINK("x")) is
            // text, as RFC 4180 readers take it; one that makes the record run over lines may be hiding an open quote.
            if (malformed.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                return RecordStatus.UnterminatedQuote;
            }
            if (raw.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
            {
                return RecordStatus.MisplacedQuote;
            }
        }
        return RecordStatus.Record;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }
        return offset;
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
