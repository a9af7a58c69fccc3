using OrgFunctions.Domain.SenderIds;

namespace OrgFunctions.Domain.Tests.SenderIds;

public sealed class SenderIdTests
{
    private static readonly SenderAddress Number = SenderAddress.Create(SenderChannel.Sms, "+447700900123");

    [Fact]
    public void ASubOrgsCopyKeepsTheIdAndAddressNamesTheParentAndKeepsTheDescriptionUnlessGivenOne()
    {
        var registered = SenderId.Register("snd_1", Number, "UK line");

        var inherited = registered.AttachTo("parent1", null);
        var described = registered.AttachTo("parent1", "Support");

        Assert.Equal(("snd_1", Number, "UK line", "parent1"), (inherited.Id, inherited.Address, inherited.Description, inherited.AttachedFrom));
        Assert.Equal("Support", described.Description);
        Assert.Null(registered.AttachedFrom);
    }

    [Fact]
    public void ADescriptionLongerThanTheLimitIsRefused()
    {
        var sender = SenderId.Register("snd_1", Number, null);

        Assert.Throws<DomainException>(() => sender.Describe(new string('a', SenderId.MaxDescriptionLength + 1)));
        Assert.Throws<DomainException>(() => SenderId.Register("snd_2", Number, new string('a', SenderId.MaxDescriptionLength + 1)));
    }

    [Fact]
    public void NewIdsAreWellFormedItemIds() => Assert.True(ItemIds.IsWellFormed(SenderId.NewId()));
}
