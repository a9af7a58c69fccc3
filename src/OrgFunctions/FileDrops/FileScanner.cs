using System.Text;

namespace OrgFunctions.FileDrops;

/// <summary>
/// Streams a file once: header checked against the schema, every row validated, keys repeated within the file counted
/// as duplicates (the first occurrence wins), bytes hashed. Memory: one record, the listed errors, and one 8-byte key hash
/// per distinct key — never the file. <paramref name="onRow"/> (the apply pass) gets each row that is valid and first
/// of its key, in file order.
/// </summary>
public static class FileScanner
{
    public static async Task<FileScan> ScanAsync(Stream content, FileSchema schema, FileDropOptions options, DateTimeOffset now,
        Func<ParsedRow, ValueTask>? onRow, CancellationToken cancellationToken, int? maxRows = null, bool jsonLines = false)
    {
        var scan = new FileScan();
        var hashing = new HashingReadStream(content, options.MaxFileBytes);
        await using (hashing)
        {
            try
            {
                if (jsonLines)
                {
                    await ReadJsonLinesAsync(hashing, schema, options, now, onRow, scan, maxRows ?? options.MaxRows, cancellationToken);
                }
                else
                {
                    await ReadAsync(hashing, schema, options, now, onRow, scan, maxRows ?? options.MaxRows, cancellationToken);
                }
            }
            catch (DecoderFallbackException)
            {
                scan.FileProblem = $"The file is not valid UTF-8 (a byte sequence near byte {hashing.BytesRead} can't be decoded). " + SaveAsUtf8;
            }
            catch (FileTooLargeException ex)
            {
                scan.FileProblem = $"The file is larger than the limit of {ex.MaxBytes} bytes.";
            }
            // Hash whatever is left, so the hash is always of the whole file.
            if (scan.FileProblem is null)
            {
                var rest = new byte[81920];
                while (await hashing.ReadAsync(rest, cancellationToken) > 0)
                {
                }
            }
            scan.Sha256 = hashing.HashHex();
            scan.Bytes = hashing.BytesRead;
        }
        return scan;
    }

    private static async Task ReadAsync(HashingReadStream stream, FileSchema schema, FileDropOptions options, DateTimeOffset now,
        Func<ParsedRow, ValueTask>? onRow, FileScan scan, int maxRows, CancellationToken cancellationToken)
    {
        await using var reader = new CsvRows(stream, options.MaxRowBytes);
        var status = await reader.ReadAsync(cancellationToken);
        if (stream.StartsWithUtf16Or32Bom)
        {
            // CsvHelper would transcode such a file; the drop's contract is UTF-8.
            scan.FileProblem = "The file is not valid UTF-8 (it starts with a UTF-16 or UTF-32 byte order mark). " + SaveAsUtf8;
            return;
        }
        if (status == RecordStatus.End)
        {
            scan.FileProblem = "The file is empty: a header row (" + string.Join(",", schema.Columns) + ") and data rows are expected.";
            return;
        }
        if (status != RecordStatus.Record)
        {
            scan.FileProblem = status == RecordStatus.NotUtf8 ? NotUtf8(reader)
                : "The header row can't be read (" + Describe(status, options) + ").";
            return;
        }
        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader[i]).ToList();
        var columns = MapHeader(header, schema, out var headerProblem);
        if (headerProblem is not null)
        {
            scan.FileProblem = headerProblem;
            return;
        }

        var seen = new KeyHashSet();
        var rowErrors = new List<RowError>();
        string Cell(string column) => columns.TryGetValue(column, out var i) ? reader[i] : "";

        while ((status = await reader.ReadAsync(cancellationToken)) != RecordStatus.End)
        {
            if (status == RecordStatus.NotUtf8)
            {
                scan.FileProblem = NotUtf8(reader);
                return;
            }
            scan.RowsRead++;
            if (scan.RowsRead > maxRows)
            {
                scan.FileProblem = $"The file has more than {maxRows} rows; split it into smaller files.";
                return;
            }
            rowErrors.Clear();
            if (status != RecordStatus.Record)
            {
                rowErrors.Add(RowError.Of(reader.LineNumber, null, Describe(status, options), null));
            }
            else if (reader.FieldCount != columns.Count)
            {
                rowErrors.Add(RowError.Of(reader.LineNumber, null, $"has {reader.FieldCount} fields; the header has {columns.Count}", null));
            }
            else if (schema.Parse(reader.LineNumber, Cell, rowErrors, now) is { } row)
            {
                await AcceptAsync(row, seen, onRow, scan);
            }
            Count(rowErrors, options, scan);
            if (status == RecordStatus.TooLongToGoOn)
            {
                return;
            }
        }
        if (scan.RowsRead == 0)
        {
            scan.FileProblem = "The file has a header row but no data rows.";
        }
    }

    private const string SaveAsUtf8 = "Save it as UTF-8, with or without BOM.";

    private static string NotUtf8(CsvRows reader) =>
        $"The file is not valid UTF-8 (line {reader.LineNumber} has a byte sequence that can't be decoded, at byte {reader.ByteOffset}). " + SaveAsUtf8;

    /// <summary>A valid row: counted as a duplicate if its key came earlier in the file, else handed on.</summary>
    private static async ValueTask AcceptAsync(ParsedRow row, KeyHashSet seen, Func<ParsedRow, ValueTask>? onRow, FileScan scan)
    {
        if (!seen.Add(KeyHash(row.Key)))
        {
            scan.Duplicates++;
        }
        else if (onRow is not null)
        {
            await onRow(row);
        }
    }

    /// <summary>Every error is counted; the first <c>MaxReportedErrors</c> are listed.</summary>
    private static void Count(List<RowError> rowErrors, FileDropOptions options, FileScan scan)
    {
        foreach (var error in rowErrors)
        {
            scan.ErrorCount++;
            if (scan.Errors.Count < options.MaxReportedErrors)
            {
                scan.Errors.Add(error);
            }
        }
    }

    private static async Task ReadJsonLinesAsync(Stream stream, FileSchema schema, FileDropOptions options, DateTimeOffset now,
        Func<ParsedRow, ValueTask>? onRow, FileScan scan, int maxRows, CancellationToken cancellationToken)
    {
        var reader = new JsonLinesReader(stream, options.MaxRowBytes);
        var seen = new KeyHashSet();
        var rowErrors = new List<RowError>();
        string Cell(string column) => reader.Fields.TryGetValue(column, out var value) ? value : "";
        RecordStatus status;
        while ((status = await reader.ReadAsync(cancellationToken)) != RecordStatus.End)
        {
            scan.RowsRead++;
            if (scan.RowsRead > maxRows)
            {
                scan.FileProblem = $"The file has more than {maxRows} rows; split it into smaller files.";
                return;
            }
            rowErrors.Clear();
            if (status != RecordStatus.Record)
            {
                rowErrors.Add(RowError.Of(reader.LineNumber, null, Describe(status, options), null));
            }
            else if (reader.Problem is { } problem)
            {
                rowErrors.Add(RowError.Of(reader.LineNumber, null, problem, null));
            }
            else if (reader.Fields.Keys.FirstOrDefault(k => !schema.Columns.Contains(k)) is { } unknown)
            {
                rowErrors.Add(RowError.Of(reader.LineNumber, unknown, "is not a known field (expected: " + string.Join(", ", schema.Columns) + ")", null));
            }
            else if (schema.Parse(reader.LineNumber, Cell, rowErrors, now) is { } row)
            {
                await AcceptAsync(row, seen, onRow, scan);
            }
            Count(rowErrors, options, scan);
        }
        if (scan.RowsRead == 0)
        {
            scan.FileProblem = "The file is empty: one JSON object per line is expected (" + string.Join(", ", schema.Columns) + ").";
        }
    }

    private static Dictionary<string, int> MapHeader(IReadOnlyList<string> header, FileSchema schema, out string? problem)
    {
        problem = null;
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (names.Count == 1)
        {
            foreach (var delimiter in new[] { ';', '\t', '|' })
            {
                if (names[0].Contains(delimiter))
                {
                    problem = $"The header is one column containing '{(delimiter == '\t' ? "\\t" : delimiter)}': files must be comma-separated " +
                              $"(expected: {string.Join(",", schema.Columns)}).";
                    return [];
                }
            }
        }
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var repeated = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!schema.Columns.Contains(names[i]))
            {
                unknown.Add(ReportText.Neutralise(header[i]));
            }
            else if (!map.TryAdd(names[i], i))
            {
                repeated.Add(names[i]);
            }
        }
        var missing = schema.RequiredColumns.Where(c => !map.ContainsKey(c)).ToList();
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add("missing column(s): " + string.Join(", ", missing));
        }
        if (unknown.Count > 0)
        {
            parts.Add("unknown column(s): " + string.Join(", ", unknown.Take(10)) + (unknown.Count > 10 ? $" and {unknown.Count - 10} more" : ""));
        }
        if (repeated.Count > 0)
        {
            parts.Add("repeated column(s): " + string.Join(", ", repeated.Distinct().Take(10)));
        }
        if (parts.Count > 0)
        {
            problem = "The header row is wrong: " + string.Join("; ", parts) + $" (expected: {string.Join(",", schema.Columns)}).";
        }
        return problem is null ? map : [];
    }

    private static string Describe(RecordStatus status, FileDropOptions options) => status switch
    {
        RecordStatus.TooLong => $"the row is longer than {options.MaxRowBytes} bytes",
        RecordStatus.UnterminatedQuote => "a quoted field is never closed (the rest of the file is part of it)",
        RecordStatus.MisplacedQuote => "its quotes don't pair up, so it runs over several lines: quote a whole field and double the quotes inside it",
        RecordStatus.TooLongToGoOn => $"the row is longer than {CsvRows.MaxBufferedRowBytes(options.MaxRowBytes)} bytes, so the rest of the file " +
                                      "is not read (a quote that is never closed makes the rest of the file one row)",
        _ => status.ToString(),
    };

    /// <summary>FNV-1a, 64 bits: keys only need telling apart within one file (a collision would miscount one duplicate).</summary>
    private static ulong KeyHash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
