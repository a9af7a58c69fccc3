namespace OrgFunctions.FileDrops;

/// <summary>
/// One problem of a file: the line (1-based; the header is line 1), the column, the reason, and the cell as given —
/// neutralised against formula injection (<see cref="ReportText"/>), since reports are opened in spreadsheets.
/// </summary>
public sealed record RowError(long Line, string? Column, string Reason, string? Value)
{
    public static RowError Of(long line, string? column, string reason, string? cell) =>
        new(line, column, reason, cell is null ? null : ReportText.Neutralise(cell));
}

/// <summary>Text echoed from a file into a report.</summary>
public static class ReportText
{
    public const int MaxEcho = 100;

    /// <summary>
    /// A cell starting with '=', '+', '-', '@' (or a tab or carriage return, which some spreadsheets skip) would run as a
    /// formula when the report is opened in a spreadsheet: it gets a leading apostrophe. Control characters become '?'
    /// and long cells are cut.
    /// </summary>
    public static string Neutralise(string cell)
    {
        var text = cell.Length > MaxEcho ? cell[..MaxEcho] + "…" : cell;
        text = new string(text.Select(c => c is '\t' or '\r' || !char.IsControl(c) ? c : '?').ToArray());
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
