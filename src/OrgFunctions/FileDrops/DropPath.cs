namespace OrgFunctions.FileDrops;

/// <summary>
/// A blob of an org's SFTP home (its container) seen as a drop: <c>inbox/{file}</c>. The org is the container's, never
/// part of the name. The file part must be a plain name: no further '/', no '\', no "." or ".." segments, no control
/// characters; otherwise the drop is refused and moved under a sanitised name (blob names are literal, but a name like
/// <c>../x</c> must never reach a path or a report unescaped).
/// </summary>
public sealed record DropPath(string BlobName, string OrgId, string FileName, bool IsSafe)
{
    public const string Inbox = "inbox";
    public const int MaxFileNameLength = 200;

    /// <summary>Null for blobs that are not in the home's inbox (processed/, failed/, other folders).</summary>
    public static DropPath? Parse(string orgId, string blobName)
    {
        if (!blobName.StartsWith(Inbox + "/", StringComparison.Ordinal))
        {
            return null;
        }
        var fileName = blobName[(Inbox.Length + 1)..];
        if (fileName.Length == 0)
        {
            return null;
        }
        var safe = fileName.Length <= MaxFileNameLength
                   && fileName.IndexOfAny(['/', '\\']) < 0
                   && fileName != "." && fileName != ".." && !fileName.Contains("..", StringComparison.Ordinal)
                   && !fileName.Any(char.IsControl)
                   && fileName.Trim().Length == fileName.Length;
        return new DropPath(blobName, orgId, fileName, safe);
    }

    /// <summary>
    /// A name with "." or ".." segments can't be addressed: every request URI has its dot segments removed on the way, so
    /// such a blob (made with backslashes, which storage turns into '/') can be listed but not leased, read or moved.
    /// </summary>
    public bool IsAddressable => !BlobName.Split('/').Any(segment => segment is "." or "..");

    /// <summary>The file name with anything unsafe replaced by '_', for the name it is moved to and for reports.</summary>
    public string SafeFileName
    {
        get
        {
            var chars = FileName.Select(c => c is '/' or '\\' || char.IsControl(c) ? '_' : c).ToArray();
            var name = new string(chars).Replace("..", "__", StringComparison.Ordinal).Trim();
            name = name.Length == 0 ? "_" : name;
            return name.Length > MaxFileNameLength ? name[..MaxFileNameLength] : name;
        }
    }
}
