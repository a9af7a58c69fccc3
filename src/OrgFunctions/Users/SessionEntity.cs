using OrgFunctions.Storage;

namespace OrgFunctions.Users;

/// <summary>
/// A signed-in session in <see cref="TableNames.Sessions"/>: PartitionKey the SHA-256 of its token (<c>UserToken.Hash</c>),
/// RowKey "". It names the user and the org they signed in to; the role, the status and the org's idle timeout are read
/// from the membership and the org at each use, so a change to any of them applies at the session's next request.
/// </summary>
public sealed class SessionEntity : TableRow
{
    public const string SessionRowKey = "";

    public string UserId { get; set; } = "";
    public string Path { get; set; } = "";
    public DateTimeOffset SignedInAt { get; set; }
    public DateTimeOffset LastUsedAt { get; set; }
}
