using OrgFunctions.Application;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Roles;

public class RoleServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);
    private RoleService Service => _app.Get<RoleService>();

    private static RoleRequest Request(string name, params string[] permissions) => new(RoleName.Create(name), permissions);

    [Fact]
    public async Task ACustomRoleIsCreatedReplacedAndDeleted()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);

        var created = await Service.CreateAsync(caller, root.Org.Id.Value, Request("Agents", Permission.ConversationsRead), default);
        var replaced = await Service.ReplaceAsync(caller, root.Org.Id.Value, created.Value!.Role.Id,
            Request("Senior agents", Permission.ConversationsRead, Permission.ReportsRead), created.Value.ETag, default);
        var deleted = await Service.DeleteAsync(caller, root.Org.Id.Value, created.Value.Role.Id, default);

        Assert.Equal("Senior agents", replaced.Value!.Role.Name.Value);
        Assert.True(deleted.Succeeded);
        Assert.IsType<Failure.NotFound>((await Service.GetAsync(caller, root.Org.Id.Value, created.Value.Role.Id, default)).Failure);
    }

    [Fact]
    public async Task RoleNamesAreUniqueInAnOrgAndSystemNamesAreTaken()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);
        await Service.CreateAsync(caller, root.Org.Id.Value, Request("Agents"), default);

        var duplicate = await Service.CreateAsync(caller, root.Org.Id.Value, Request("AGENTS"), default);
        var system = await Service.CreateAsync(caller, root.Org.Id.Value, Request("admin"), default);

        Assert.IsType<Failure.Invalid>(duplicate.Failure);
        Assert.IsType<Failure.Invalid>(system.Failure);
    }

    [Fact]
    public async Task SystemRolesCantBeChangedOrDeleted()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);

        var change = await Service.ReplaceAsync(caller, root.Org.Id.Value, SystemRoles.MemberId, Request("Members"), null, default);
        var delete = await Service.DeleteAsync(caller, root.Org.Id.Value, SystemRoles.MemberId, default);

        Assert.IsType<Failure.Conflict>(change.Failure);
        Assert.IsType<Failure.Conflict>(delete.Failure);
    }

    [Fact]
    public async Task ARoleInUseByAKeyCantBeDeleted()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);
        var role = await Service.CreateAsync(caller, root.Org.Id.Value, Request("Agents", Permission.OrgsRead), default);
        await _app.Get<OrgFunctions.ApiKeys.ApiKeyService>().IssueAsync(caller, root.Org.Id.Value,
            new OrgFunctions.ApiKeys.ApiKeyRequest("bot", role.Value!.Role.Id), default);

        var delete = await Service.DeleteAsync(caller, root.Org.Id.Value, role.Value.Role.Id, default);

        Assert.IsType<Failure.Conflict>(delete.Failure);
    }

    [Fact]
    public async Task ManagingRolesNeedsRolesManage()
    {
        var (root, _) = await _app.Trees.RootAsync();

        var result = await Service.CreateAsync(OrgTreeBuilder.CallerIn(root, SystemRoles.MemberId), root.Org.Id.Value, Request("X"), default);

        Assert.Equal(new Failure.Forbidden(Permission.RolesManage), result.Failure);
    }

    [Fact]
    public async Task ARoleCantGrantWhatTheCallersOwnRoleLacks()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var userAdmin = OrgTreeBuilder.CallerIn(root, SystemRoles.UserAdminId);
        var owner = OrgTreeBuilder.CallerIn(root);
        var modest = await Service.CreateAsync(owner, root.Org.Id.Value, Request("Support", Permission.OrgsRead), default);

        var created = await Service.CreateAsync(userAdmin, root.Org.Id.Value, Request("Everything", [.. Permission.All]), default);
        var widened = await Service.ReplaceAsync(userAdmin, root.Org.Id.Value, modest.Value!.Role.Id,
            Request("Support", Permission.OrgsRead, Permission.BillingManage), null, default);

        Assert.IsType<Failure.Forbidden>(created.Failure);
        Assert.Equal(new Failure.Forbidden(Permission.BillingManage), widened.Failure);
        Assert.True((await Service.CreateAsync(userAdmin, root.Org.Id.Value, Request("Readers", Permission.OrgsRead), default)).Succeeded);
    }

    [Fact]
    public async Task ARoleHoldingAPermissionTheCallerLacksCantBeEditedOrDeletedByIt()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var userAdmin = OrgTreeBuilder.CallerIn(root, SystemRoles.UserAdminId);
        var owner = OrgTreeBuilder.CallerIn(root);
        var billing = await Service.CreateAsync(owner, root.Org.Id.Value, Request("Billing", Permission.OrgsRead, Permission.BillingManage), default);
        var roleId = billing.Value!.Role.Id;

        var stripped = await Service.ReplaceAsync(userAdmin, root.Org.Id.Value, roleId, Request("Billing", Permission.OrgsRead), null, default);
        var deleted = await Service.DeleteAsync(userAdmin, root.Org.Id.Value, roleId, default);

        Assert.Equal(new Failure.Forbidden(Permission.BillingManage), stripped.Failure);
        Assert.Equal(new Failure.Forbidden(Permission.BillingManage), deleted.Failure);
        var unchanged = await Service.GetAsync(owner, root.Org.Id.Value, roleId, default);
        Assert.Equal(billing.Value.ETag, unchanged.Value!.ETag);
        Assert.True(unchanged.Value.Role.Grants(Permission.BillingManage));
    }
}
