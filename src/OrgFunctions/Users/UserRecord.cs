using Azure;
using OrgFunctions.Domain.Users;

namespace OrgFunctions.Users;

/// <summary>A user as stored. <see cref="PasswordHash"/> never leaves the app.</summary>
public sealed record UserRecord(string Id, EmailAddress Email, string DisplayName, string? PasswordHash, DateTimeOffset CreatedAt, ETag ETag)
{
    public static string NewId() => "usr_" + Guid.NewGuid().ToString("N");
}
