using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.SenderIds;
using OrgFunctions.SenderIds;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.SenderIds;

/// <summary>An address's claim: one tree at a time; a claim whose registration never got written is taken over once abandoned.</summary>
public sealed class SenderClaimsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    private static SenderAddress NewAddress() => SenderAddress.Create(SenderChannel.Email, $"claim.{Guid.NewGuid():N}@example.com");

    [Fact]
    public async Task AFreshClaimOfAnotherTreeIsRespectedEvenWithoutItsRow()
    {
        var address = NewAddress();
        var claims = _app.Get<SenderClaims>();
        Assert.NotNull(await claims.ClaimAsync(address, OrgId.New(), default));

        Assert.Null(await claims.ClaimAsync(address, OrgId.New(), default));
    }

    [Fact]
    public async Task AnAbandonedClaimOfAnotherTreeIsTakenOverWithAFreshId()
    {
        var address = NewAddress();
        var first = await _app.Get<SenderClaims>().ClaimAsync(address, OrgId.New(), default);
        var later = new SenderClaims(_app.Tables, new FrozenClock(DateTimeOffset.UtcNow + SenderClaims.AbandonedClaimAge + TimeSpan.FromMinutes(1)));
        var taker = OrgId.New();

        var taken = await later.ClaimAsync(address, taker, default);

        Assert.NotNull(taken);
        Assert.NotEqual(first, taken);
        Assert.Equal(taker.Value, (await later.FindAsync(address, default))!.RootId);
    }

    [Fact]
    public async Task ATreeClaimingItsOwnAddressAgainKeepsItsIdAndReleaseFreesIt()
    {
        var address = NewAddress();
        var claims = _app.Get<SenderClaims>();
        var root = OrgId.New();
        var id = await claims.ClaimAsync(address, root, default);

        Assert.Equal(id, await claims.ClaimAsync(address, root, default));
        await claims.ReleaseAsync(address, OrgId.New(), id!, default);
        Assert.NotNull(await claims.FindAsync(address, default));
        await claims.ReleaseAsync(address, root, id!, default);
        Assert.Null(await claims.FindAsync(address, default));
    }
}
