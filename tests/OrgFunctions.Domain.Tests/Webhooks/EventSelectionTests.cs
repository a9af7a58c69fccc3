using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Domain.Tests.Webhooks;

public class EventSelectionTests
{
    private static readonly OrgPath Root = OrgPath.Root(OrgId.New());
    private static readonly OrgPath Child = Root.Child(OrgId.New());
    private static readonly OrgPath Sibling = Root.Child(OrgId.New());

    [Fact]
    public void ASubscriptionWithDescendantsGetsItsSubtreeButNotItsParentOrSiblings()
    {
        var selection = new EventSelection(["*"], IncludeDescendants: true);

        Assert.True(selection.Matches(Child, "org.updated", Child));
        Assert.True(selection.Matches(Root, "org.updated", Child));
        Assert.False(selection.Matches(Child, "org.updated", Root));
        Assert.False(selection.Matches(Child, "org.updated", Sibling));
    }

    [Fact]
    public void OwnOrgOnlyIgnoresDescendants()
    {
        var selection = new EventSelection(["*"], IncludeDescendants: false);

        Assert.True(selection.Matches(Root, "org.updated", Root));
        Assert.False(selection.Matches(Root, "org.updated", Child));
    }

    [Fact]
    public void TypesAreMatchedExactlyOrByStar()
    {
        Assert.True(new EventSelection(["org.created"], true).MatchesType("org.created"));
        Assert.False(new EventSelection(["org.created"], true).MatchesType("org.updated"));
        Assert.True(new EventSelection(["*"], true).MatchesType("role.deleted"));
    }

    [Fact]
    public void DeliveryIdsAreDeterministicAndSortNewestFirst()
    {
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var older = DeliveryId.For("evt_1", t, "wh_1");
        var newer = DeliveryId.For("evt_2", t.AddSeconds(1), "wh_1");

        Assert.Equal(older, DeliveryId.For("evt_1", t, "wh_1"));
        Assert.NotEqual(older, DeliveryId.For("evt_1", t, "wh_2"));
        Assert.True(string.CompareOrdinal(newer, older) < 0);
        Assert.True(DeliveryId.IsWellFormed(older));
    }

    [Fact]
    public void RotationKeepsThePreviousSecretSigningFor24Hours()
    {
        var now = DateTimeOffset.UtcNow;
        var subscription = new WebhookSubscription
        {
            Id = WebhookSubscription.NewId(), OrgPath = Root, Url = EndpointUrl.Parse("https://example.com/", false),
            Selection = new EventSelection(["*"], true), Secret = WebhookSecret.Generate(), CreatedAt = now,
        };
        var old = subscription.Secret;

        var fresh = subscription.RotateSecret(now);

        Assert.Equal([fresh, old], subscription.SigningSecrets(now.AddHours(23)));
        Assert.Equal([fresh], subscription.SigningSecrets(now.AddHours(24)));
        Assert.True(WebhookSubscription.IsWellFormedId(subscription.Id));
    }
}
