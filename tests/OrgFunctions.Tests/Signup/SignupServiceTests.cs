using Microsoft.AspNetCore.Http;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.FileDrops;
using OrgFunctions.Roles;
using OrgFunctions.Signup;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Signup;

public class SignupServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task CreatesARootOrgWithTheSystemRolesAndAnOwnerKeyThatAuthenticates()
    {
        var (root, signup) = await _app.Trees.RootAsync("Acme");

        var roles = await _app.Get<RoleStore>().ListAsync(root.Org.Path, default);
        var request = new DefaultHttpContext().Request;
        request.Headers.Authorization = "Bearer " + signup.ApiKey.Secret;
        var caller = await _app.Get<RequestAuthenticator>().AuthenticateAsync(request, default);

        Assert.Equal(OrgStatus.Active, root.Org.Status);
        Assert.Equal(["Admin", "BillingAdmin", "Member", "Owner", "UserAdmin"], roles.Select(r => r.Role.Name.Value).Order());
        Assert.NotNull(caller);
        Assert.Equal(root.Org.Path, caller.OrgPath);
        Assert.Equal(SystemRoles.OwnerId, caller.Role.Id);
    }

    [Fact]
    public async Task MakesTheNewOrgsOwnSftpHome()
    {
        var (root, _) = await _app.Trees.RootAsync();

        Assert.True((await _app.Get<FileDropHomes>().Container(root.Org.Id).ExistsAsync()).Value);
    }

    [Fact]
    public async Task ASecondSignUpWithTheSameEmailIsAConflict()
    {
        var service = _app.Get<SignupService>();
        var email = $"dup-{Guid.NewGuid():N}@example.com";

        var first = await service.SignUpAsync(new SignupRequest(OrgName.Create("One"), email, "A"), default);
        var second = await service.SignUpAsync(new SignupRequest(OrgName.Create("Two"), email, "B"), default);

        Assert.True(first.Succeeded);
        Assert.IsType<Failure.Conflict>(second.Failure);
    }

    [Fact]
    public async Task WritesOrgCreatedOwnerJoinedAndApiKeyCreatedEvents()
    {
        var (root, _) = await _app.Trees.RootAsync();

        var events = await OutboxReader.EventsAsync(_app, root.Org.Id.Value);

        Assert.Equal([EventTypes.ApiKeyCreated, EventTypes.OrgCreated, EventTypes.UserJoined], events.Select(e => e.Type).Order());
        Assert.All(events, e => Assert.Equal(root.Org.Id.Value, e.OrgId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-key")]
    [InlineData("Basic b3duZXI6cGFzcw==")]
    [InlineData("Bearer ofk_aaaaaaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task AnythingButAKnownKeyIsNotAuthenticated(string? header)
    {
        var request = new DefaultHttpContext().Request;
        if (header is not null)
        {
            request.Headers.Authorization = header;
        }

        Assert.Null(await _app.Get<RequestAuthenticator>().AuthenticateAsync(request, default));
    }
}
