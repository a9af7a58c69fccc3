using OrgFunctions.Storage;

namespace OrgFunctions.Users.SignIn;

/// <summary>
/// A set-password link's token in <see cref="TableNames.OrgIndex"/> (PartitionKey <see cref="IndexKeys.PasswordToken"/>
/// of the token's hash): whose password it sets, until when. The one use that sets the password marks it used, on its
/// ETag, then deletes it.
/// </summary>
public sealed class PasswordTokenEntity : TableRow
{
    public string UserId { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
