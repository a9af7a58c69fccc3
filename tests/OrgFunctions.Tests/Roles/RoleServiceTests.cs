using OrgFunctions.Access;
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

        var created = await Service.CreateAsync(new OrgScope(caller, root), Request("Agents", Permission.ConversationsRead), default);
        var replaced = await Service.ReplaceAsync(new OrgScope(caller, root), created.Value!.Role.Id,
            Request("Senior agents", Permission.ConversationsRead, Permission.ReportsRead), created.Value.ETag, default);
        var deleted = await Service.DeleteAsync(new OrgScope(caller, root), created.Value.Role.Id, default);

        Assert.Equal("Senior agents", replaced.Value!.Role.Name.Value);
        Assert.True(deleted.Succeeded);
        Assert.IsType<Failure.NotFound>((await Service.GetAsync(new OrgScope(caller, root), created.Value.Role.Id, default)).Failure);
    }

    [Fact]
    public async Task RoleNamesAreUniqueInAnOrgAndSystemNamesAreTaken()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);
        await Service.CreateAsync(new OrgScope(caller, root), Request("Agents"), default);

        var duplicate = await Service.CreateAsync(new OrgScope(caller, root), Request("AGENTS"), default);
        var system = await Service.CreateAsync(new OrgScope(caller, root), Request("admin"), default);

        Assert.IsType<Failure.Invalid>(duplicate.Failure);
        Assert.IsType<Failure.Invalid>(system.Failure);
    }

    [Fact]
    public async Task SystemRolesCantBeChangedOrDeleted()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);

        var change = await Service.ReplaceAsync(new OrgScope(caller, root), SystemRoles.MemberId, Request("Members"), null, default);
        var delete = await Service.DeleteAsync(new OrgScope(caller, root), SystemRoles.MemberId, default);

        Assert.IsType<Failure.Conflict>(change.Failure);
        Assert.IsType<Failure.Conflict>(delete.Failure);
    }

    [Fact]
    public async Task ARoleInUseByAKeyCantBeDeleted()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);
        var role = await Service.CreateAsync(new OrgScope(caller, root), Request("Agents", Permission.OrgsRead), default);
        await _app.Get<OrgFunctions.ApiKeys.ApiKeyService>().IssueAsync(new OrgScope(caller, root),
            new OrgFunctions.ApiKeys.ApiKeyRequest("bot", role.Value!.Role.Id), default);

        var delete = await Service.DeleteAsync(new OrgScope(caller, root), role.Value.Role.Id, default);

        Assert.IsType<Failure.Conflict>(delete.Failure);
    }

    [Fact]
    public async Task ARoleCantGrantWhatTheCallersOwnRoleLacks()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var userAdmin = OrgTreeBuilder.CallerIn(root, SystemRoles.UserAdminId);
        var owner = OrgTreeBuilder.CallerIn(root);
        var modest = await Service.CreateAsync(new OrgScope(owner, root), Request("Support", Permission.OrgsRead), default);

        var created = await Service.CreateAsync(new OrgScope(userAdmin, root), Request("Everything", [.. Permission.All]), default);
        var widened = await Service.ReplaceAsync(new OrgScope(userAdmin, root), modest.Value!.Role.Id,
            Request("Support", Permission.OrgsRead, Permission.BillingManage), null, default);

        Assert.IsType<Failure.Forbidden>(created.Failure);
        Assert.Equal(new Failure.Forbidden(Permission.BillingManage), widened.Failure);
        Assert.True((await Service.CreateAsync(new OrgScope(userAdmin, root), Request("Readers", Permission.OrgsRead), default)).Succeeded);
    }

    [Fact]
    public async Task ARoleHoldingAPermissionTheCallerLacksCantBeEditedOrDeletedByIt()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var userAdmin = OrgTreeBuilder.CallerIn(root, SystemRoles.UserAdminId);
        var owner = OrgTreeBuilder.CallerIn(root);
        var billing = await Service.CreateAsync(new OrgScope(owner, root), Request("Billing", Permission.OrgsRead, Permission.BillingManage), default);
        var roleId = billing.Value!.Role.Id;

        var stripped = await Service.ReplaceAsync(new OrgScope(userAdmin, root), roleId, Request("Billing", Permission.OrgsRead), null, default);
        var deleted = await Service.DeleteAsync(new OrgScope(userAdmin, root), roleId, default);

        Assert.Equal(new Failure.Forbidden(Permission.BillingManage), stripped.Failure);
        Assert.Equal(new Failure.Forbidden(Permission.BillingManage), deleted.Failure);
        var unchanged = await Service.GetAsync(new OrgScope(owner, root), roleId, default);
        Assert.Equal(billing.Value.ETag, unchanged.Value!.ETag);
        Assert.True(unchanged.Value.Role.Grants(Permission.BillingManage));
    }
}
