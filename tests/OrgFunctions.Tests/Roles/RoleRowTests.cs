using Azure.Data.Tables;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Roles;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Roles;

/// <summary>Role rows store exactly the columns their string-keyed predecessors stored, and old rows read back.</summary>
public sealed class RoleRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task RoleAndNameRowsStoreTheColumnsTheyAlwaysStored()
    {
        var org = OrgPath.Root(OrgId.New());
        foreach (var role in new[] { SystemRoles.Create()[0], Role.Custom("role_1", RoleName.Create("Custom"), [Permission.OrgsRead, Permission.ReportsRead]) })
        {
            await StoredColumns.AssertSameAsync(_app.Tables.Orgs, RoleRow.Create(org, role), Legacy(org, role));
        }
        var key = RowKeys.RoleName(org.OrgId, RoleName.Create("Custom"));
        await StoredColumns.AssertSameAsync(_app.Tables.Orgs, RoleRow.NameReservation(org.RootId.Value, key, "role_1"),
            new TableEntity(org.RootId.Value, key) { ["Kind"] = "rolename", ["RoleId"] = "role_1" });
    }

    [Fact]
    public async Task ARoleRowWrittenBeforeTypedRowsReadsAsTheSameRole()
    {
        var org = OrgPath.Root(OrgId.New());
        var role = Role.Custom("role_2", RoleName.Create("Auditors"), [Permission.OrgsRead]);

        var record = RoleRow.Read(await StoredColumns.ReadLegacyAsync<RoleEntity>(_app.Tables.Orgs, Legacy(org, role)));

        Assert.Equal((org.OrgId, role.Id, role.Name.Value, role.IsSystem), (record.OrgId, record.Role.Id, record.Role.Name.Value, record.Role.IsSystem));
        Assert.Equal(role.Permissions, record.Role.Permissions);
    }

    private static TableEntity Legacy(OrgPath org, Role role) => new(org.RootId.Value, RowKeys.Role(org.OrgId, role.Id))
    {
        ["Kind"] = "role",
        ["OrgId"] = org.OrgId.Value,
        ["RoleId"] = role.Id,
        ["Name"] = role.Name.Value,
        ["Permissions"] = string.Join(' ', role.Permissions),
        ["IsSystem"] = role.IsSystem,
    };
}
