using OrgFunctions.Storage;

namespace OrgFunctions.Users;

/// <summary>
/// A user's profile in <see cref="TableNames.Users"/>: PartitionKey the user's id, RowKey "". The password is kept only
/// as its hash (<see cref="Passwords"/>); a user without one (sign-up's owner before setting it) can't sign in.
/// </summary>
public sealed class UserEntity : TableRow
{
    public const string ProfileRowKey = "";

    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
