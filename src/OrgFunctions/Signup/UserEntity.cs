using OrgFunctions.Storage;

namespace OrgFunctions.Signup;

/// <summary>A user of an org, as a row of its tree's partition (RowKey <c>user:{orgId}:{userId}</c>); sign-up writes the owner.</summary>
public sealed class UserEntity : TableRow
{
    public string Kind { get; set; } = "user";
    public string UserId { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string RoleId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
