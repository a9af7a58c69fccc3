using System.Net;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Access;

public class RequestAuthenticatorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Rounds = 4;
    private const int RacingKeys = 15;

    [Fact]
    public async Task NoKeyOfADeletedOrgAuthenticatesWhateverTheInterleavingWithItsDelete()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var rootKey = await orgs.Trees.KeyAsync(root);
        var issued = new List<(string OrgId, string Token)>();

        for (var round = 0; round < Rounds; round++)
        {
            var child = (await orgs.Trees.ChildAsync(root)).Org.Id.Value;
            var creations = Enumerable.Range(0, RacingKeys).Select(i => HttpAnswer.SendAsync(app,
                AppHost.Request(HttpMethod.Post, $"api/orgs/{child}/api-keys", rootKey, new { name = $"racer {i}", roleId = SystemRoles.MemberId })))
                .ToList();
            var delete = HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Delete, $"api/orgs/{child}", rootKey));
            var answers = await Task.WhenAll(creations);

            Assert.Equal(HttpStatusCode.NoContent, (await delete).Status);
            issued.AddRange(answers.Where(a => a.Status == HttpStatusCode.Created)
                .Select(a => (child, a.Json.GetProperty("secret").GetString()!)));
        }

        Assert.NotEmpty(issued);
        foreach (var (orgId, token) in issued)
        {
            var answer = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", token));
            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        }
    }

    [Fact]
    public async Task AKeyOfAnOrgDeletedWithItsParentNoLongerAuthenticates()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var parent = await orgs.Trees.ChildAsync(root);
        var grandchild = await orgs.Trees.ChildAsync(parent);
        var grandchildKey = await orgs.Trees.KeyAsync(grandchild);
        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(app,
            AppHost.Request(HttpMethod.Get, $"api/orgs/{grandchild.Org.Id}", grandchildKey))).Status);

        var deleted = await HttpAnswer.SendAsync(app,
            AppHost.Request(HttpMethod.Delete, $"api/orgs/{parent.Org.Id}?cascade=true", await orgs.Trees.KeyAsync(root)));

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await HttpAnswer.SendAsync(app,
            AppHost.Request(HttpMethod.Get, $"api/orgs/{grandchild.Org.Id}", grandchildKey))).Status);
    }
}
