using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Users;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Users;

namespace OrgFunctions.Tests.Users;

/// <summary>Issue 16 point 3: passwords and session tokens are stored only as hashes and never appear in a log or in /api/me.</summary>
public class SignInSecretsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task NoPasswordOrTokenAppearsInAnyLogLineOrInMe()
    {
        var logs = new LogCapture();
        await using var app = await AppHost.StartAsync(azurite, (services, _) => logs.AddTo(services));
        var (root, _) = await new OrgApp(azurite).Trees.RootAsync();
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId, password: "secret passphrase 7f3a");

        var wrong = await SignInHttp.SignInAsync(app, member, "wrong passphrase 9c1d");
        var token = await SignInHttp.TokenAsync(app, member);
        var me = await SignInHttp.MeAsync(app, token);
        await SignInHttp.SignOutAsync(app, token);
        await SignInHttp.MeAsync(app, token);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.NotEmpty(logs.Lines);
        var secrets = new[] { member.Password, "wrong passphrase 9c1d", token, token["ofs_".Length..] };
        Assert.All(logs.Lines, line => Assert.All(secrets, secret => Assert.DoesNotContain(secret, line)));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, me.Body));
        Assert.DoesNotContain("hash", me.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheUserRowHoldsAHashOfThePasswordAndTheSessionRowIsKeyedByTheTokensHash()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await new OrgApp(azurite).Trees.RootAsync();
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        var token = await SignInHttp.TokenAsync(app, member);
        var tables = app.Services.GetRequiredService<OrgTables>();

        var user = (await tables.Users.GetEntityAsync<TableEntity>(member.UserId, UserEntity.ProfileRowKey)).Value;
        Assert.True(UserToken.TryParse(token, TokenPurpose.Session, out var parsed));
        var session = await tables.Sessions.GetEntityIfExistsAsync<TableEntity>(parsed.Hash, SessionEntity.SessionRowKey);
        var byToken = await tables.Sessions.GetEntityIfExistsAsync<TableEntity>(token, SessionEntity.SessionRowKey);

        var hash = user.GetString("PasswordHash");
        Assert.DoesNotContain(member.Password, hash);
        Assert.Equal(Passwords.Verification.Right, app.Services.GetRequiredService<Passwords>().Verify(hash, member.Password));
        // Identity's format V3 (ADR 0019): marker 1, then big-endian PRF (2 = HMAC-SHA512), iterations, salt length.
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal((1, 2u, 100_000u, 16u), (bytes[0], System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9))));
        Assert.True(session.HasValue);
        Assert.False(byToken.HasValue);
        Assert.All(session.Value!, column => Assert.DoesNotContain(token, column.Value?.ToString() ?? ""));
    }
}
