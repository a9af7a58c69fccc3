using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Signup;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Workspaces;

namespace OrgFunctions.Tests.Signup;

/// <summary>The workspace and owner-claim rows (the owner is now a membership: <c>MembershipEntity</c>) store exactly the columns their string-keyed predecessors stored.</summary>
public sealed class SignupRowsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task WorkspaceAndClaimRowsStoreTheColumnsTheyAlwaysStored()
    {
        var org = OrgPath.Root(OrgId.New());
        var partition = org.RootId.Value;

        await StoredColumns.AssertSameAsync(_app.Tables.Orgs, WorkspaceEntity.Default(org, At),
            new TableEntity(partition, RowKeys.Workspace(org.OrgId, "default"))
            {
                ["Kind"] = "workspace", ["WorkspaceId"] = "default", ["OrgId"] = org.OrgId.Value, ["Name"] = SignupService.DefaultWorkspaceName,
                ["CreatedAt"] = At,
            });
        await StoredColumns.AssertSameAsync(_app.Tables.Index,
            new OwnerClaimEntity { PartitionKey = IndexKeys.OwnerEmail("owner@example.com"), RowKey = IndexKeys.RowKey, RootId = partition },
            new TableEntity(IndexKeys.OwnerEmail("owner@example.com"), IndexKeys.RowKey) { ["RootId"] = partition });
    }
}
