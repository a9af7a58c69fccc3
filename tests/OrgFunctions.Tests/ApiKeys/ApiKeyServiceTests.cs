using Microsoft.AspNetCore.Http;
using OrgFunctions.Access;
using OrgFunctions.ApiKeys;
using OrgFunctions.Application;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.ApiKeys;

public class ApiKeyServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);
    private ApiKeyService Service => _app.Get<ApiKeyService>();

    private async Task<Domain.Access.Caller?> AuthenticateAsync(string token)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.Authorization = "Bearer " + token;
        return await _app.Get<RequestAuthenticator>().AuthenticateAsync(request, default);
    }

    [Fact]
    public async Task AnIssuedKeyActsInItsOrgWithItsRoleUntilRevoked()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root);
        var caller = OrgTreeBuilder.CallerIn(root);

        var issued = await Service.IssueAsync(new OrgScope(caller, child), new ApiKeyRequest("ci", SystemRoles.MemberId), default);
        var before = await AuthenticateAsync(issued.Value!.Secret);
        await Service.RevokeAsync(new OrgScope(caller, child), issued.Value.Id, default);
        var after = await AuthenticateAsync(issued.Value.Secret);

        Assert.Equal(child.Org.Path, before!.OrgPath);
        Assert.Equal(SystemRoles.MemberId, before.Role.Id);
        Assert.Null(after);
    }

    [Fact]
    public async Task ListingNeverShowsSecretsAndKeepsLastUsedAt()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);
        var issued = await Service.IssueAsync(new OrgScope(caller, root), new ApiKeyRequest("ci", SystemRoles.MemberId), default);
        await AuthenticateAsync(issued.Value!.Secret);

        var listed = await Service.ListAsync(new OrgScope(caller, root), default);

        var key = Assert.Single(listed, k => k.Id == issued.Value.Id);
        Assert.NotNull(key.LastUsedAt);
        Assert.DoesNotContain(issued.Value.Secret[^20..], System.Text.Json.JsonSerializer.Serialize(listed));
    }

    [Fact]
    public async Task AKeyCantMintAStrongerKey()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var userAdmin = OrgTreeBuilder.CallerIn(root, SystemRoles.AdminId);

        var result = await Service.IssueAsync(new OrgScope(userAdmin, root), new ApiKeyRequest("escalate", SystemRoles.OwnerId), default);

        Assert.Equal(new Failure.Forbidden(Permission.BillingManage), result.Failure);
    }

    [Fact]
    public async Task AnUnknownRoleIsInvalidInput()
    {
        var (root, _) = await _app.Trees.RootAsync();

        var result = await Service.IssueAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), root), new ApiKeyRequest("x", "nope"), default);

        Assert.IsType<Failure.Invalid>(result.Failure);
    }

    [Fact]
    public async Task AKeyWhoseRoleHoldsAPermissionTheCallerLacksCantBeRevokedByIt()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var owner = OrgTreeBuilder.CallerIn(root);
        var admin = OrgTreeBuilder.CallerIn(root, SystemRoles.AdminId);
        var ownersKey = await Service.IssueAsync(new OrgScope(owner, root), new ApiKeyRequest("billing sync", SystemRoles.OwnerId), default);
        var membersKey = await Service.IssueAsync(new OrgScope(owner, root), new ApiKeyRequest("bot", SystemRoles.MemberId), default);

        var stronger = await Service.RevokeAsync(new OrgScope(admin, root), ownersKey.Value!.Id, default);
        var weaker = await Service.RevokeAsync(new OrgScope(admin, root), membersKey.Value!.Id, default);

        Assert.Equal(new Failure.Forbidden(Permission.BillingManage), stronger.Failure);
        Assert.NotNull(await AuthenticateAsync(ownersKey.Value.Secret));
        Assert.True(weaker.Succeeded);
        Assert.Null(await AuthenticateAsync(membersKey.Value.Secret));
    }
}
