using OrgFunctions.Storage;

namespace OrgFunctions.Users;

/// <summary>
/// One org a user belongs to, in the user's partition of <see cref="TableNames.Users"/> (RowKey <c>org:{orgId}</c>): it
/// only locates the membership row in its tree, which is the truth. Written before the membership's transaction, so a
/// failed one leaves a pointer to nothing, which readers skip.
/// </summary>
public sealed class UserOrgEntity : TableRow
{
    public const string RowKeyPrefix = "org:";

    public string RootId { get; set; } = "";
    public string Path { get; set; } = "";

    public static string KeyOf(string orgId) => RowKeyPrefix + orgId;
}
