using OrgFunctions.Storage;

namespace OrgFunctions.Users;

/// <summary>
/// The <see cref="TableNames.OrgIndex"/> row that makes an email one account (<see cref="IndexKeys.UserEmail"/>): it
/// only points at the user, and is claimed before the user's row is written.
/// </summary>
public sealed class UserEmailEntity : TableRow
{
    public string UserId { get; set; } = "";
}
