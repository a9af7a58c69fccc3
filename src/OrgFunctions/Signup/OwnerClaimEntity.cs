using OrgFunctions.Storage;

namespace OrgFunctions.Signup;

/// <summary>The index row that claims an owner's email for one root org (PartitionKey <see cref="IndexKeys.OwnerEmail"/>).</summary>
public sealed class OwnerClaimEntity : TableRow
{
    public string RootId { get; set; } = "";
}
