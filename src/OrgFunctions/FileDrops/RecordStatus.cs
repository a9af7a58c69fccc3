namespace OrgFunctions.FileDrops;

/// <summary>What reading the next record of a file gave.</summary>
public enum RecordStatus
{
    Record,
    End,

    /// <summary>Longer than <c>MaxRowBytes</c>: an error on its line; reading goes on.</summary>
    TooLong,

    /// <summary>A quoted field runs to the end of the file.</summary>
    UnterminatedQuote,

    /// <summary>Quotes that don't pair up where they should, in a record that runs over several lines.</summary>
    MisplacedQuote,

    /// <summary>Longer than the reader buffers (<see cref="CsvRows.MaxBufferedRowBytes"/>): reading stops here.</summary>
    TooLongToGoOn,

    /// <summary>Bytes that aren't UTF-8: reading stops here.</summary>
    NotUtf8,
}
