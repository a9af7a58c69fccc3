using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Signup;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Signup;

/// <summary>The user, workspace and owner-claim rows store exactly the columns their string-keyed predecessors stored.</summary>
public sealed class SignupRowsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task UserWorkspaceAndClaimRowsStoreTheColumnsTheyAlwaysStored()
    {
        var org = OrgPath.Root(OrgId.New());
        var partition = org.RootId.Value;

        await StoredColumns.AssertSameAsync(_app.Tables.Orgs,
            new UserEntity
            {
                PartitionKey = partition, RowKey = RowKeys.User(org.OrgId, "usr_1"), UserId = "usr_1", OrgId = org.OrgId.Value,
                Email = "owner@example.com", DisplayName = "Owner", RoleId = "owner", CreatedAt = At,
            },
            new TableEntity(partition, RowKeys.User(org.OrgId, "usr_1"))
            {
                ["Kind"] = "user", ["UserId"] = "usr_1", ["OrgId"] = org.OrgId.Value, ["Email"] = "owner@example.com",
                ["DisplayName"] = "Owner", ["RoleId"] = "owner", ["CreatedAt"] = At,
            });
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
