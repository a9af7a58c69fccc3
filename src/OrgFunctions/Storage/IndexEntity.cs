namespace OrgFunctions.Storage;

/// <summary>
/// A row of the <see cref="TableNames.OrgIndex"/> table that locates something in its tree (an org by id, an API key by
/// id; ADR 0004): it only points, so it has no kind. Keys: <see cref="IndexKeys"/>.
/// </summary>
public sealed class IndexEntity : TableRow
{
    public string RootId { get; set; } = "";
    public string Path { get; set; } = "";
}
