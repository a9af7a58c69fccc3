using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;

namespace OrgFunctions.Domain.Tests.Settings;

public class OrgSettingsTests
{
    private readonly OrgId _rootId = OrgId.New();
    private readonly OrgId _childId = OrgId.New();

    [Fact]
    public void RootValuesAreItsOwn()
    {
        var root = OrgSettings.ForRoot();

        Assert.All(root.All, s => Assert.Equal(SettingSource.Overridden, s.Source));
        Assert.All(root.All, s => Assert.Null(s.InheritedFrom));
    }

    [Fact]
    public void ChildStartsWithACopyOfItsParentsValuesAllInheritedFromTheParent()
    {
        var root = OrgSettings.ForRoot().Override(new Dictionary<string, object?> { ["locale"] = "fr-FR" }).Settings;

        var child = OrgSettings.ForChildOf(root, _rootId);

        Assert.Equal("fr-FR", child["locale"].Value);
        Assert.All(child.All, s => Assert.Equal(SettingSource.Inherited, s.Source));
        Assert.All(child.All, s => Assert.Equal(_rootId, s.InheritedFrom));
    }

    [Fact]
    public void GrandchildNamesTheOrgThatSetEachValue()
    {
        var child = OrgSettings.ForChildOf(OrgSettings.ForRoot(), _rootId)
            .Override(new Dictionary<string, object?> { ["timeZone"] = "Europe/Dublin" }).Settings;

        var grandchild = OrgSettings.ForChildOf(child, _childId);

        Assert.Equal(_childId, grandchild["timeZone"].InheritedFrom);
        Assert.Equal("Europe/Dublin", grandchild["timeZone"].Value);
        Assert.Equal(_rootId, grandchild["locale"].InheritedFrom);
    }

    [Fact]
    public void OverridesGivenAtCreationAreMarkedOverridden()
    {
        var child = OrgSettings.ForChildOf(OrgSettings.ForRoot(), _rootId, new Dictionary<string, object?> { ["loginAttempts"] = 3 });

        Assert.Equal(new EffectiveSetting("loginAttempts", 3, SettingSource.Overridden, null), child["loginAttempts"]);
        Assert.Equal(SettingSource.Inherited, child["locale"].Source);
    }

    [Fact]
    public void AnInvalidValueChangesNothingEvenBesideValidOnes()
    {
        var child = OrgSettings.ForChildOf(OrgSettings.ForRoot(), _rootId);

        Assert.Throws<SettingValidationException>(() => child.Override(new Dictionary<string, object?>
        {
            ["locale"] = "de-DE",
            ["loginAttempts"] = 99,
        }));
        Assert.Equal(SettingSource.Inherited, child["locale"].Source);
    }

    [Fact]
    public void ResetTakesTheParentsCurrentValueAndMarksItInherited()
    {
        var root = OrgSettings.ForRoot();
        var child = OrgSettings.ForChildOf(root, _rootId)
            .Override(new Dictionary<string, object?> { ["sessionTimeoutMinutes"] = 30 }).Settings;
        root = root.Override(new Dictionary<string, object?> { ["sessionTimeoutMinutes"] = 90 }).Settings;

        var (reset, changed) = child.Reset(["sessionTimeoutMinutes"], root, _rootId);

        Assert.Equal(new EffectiveSetting("sessionTimeoutMinutes", 90, SettingSource.Inherited, _rootId), reset["sessionTimeoutMinutes"]);
        Assert.Equal(["sessionTimeoutMinutes"], changed);
    }

    [Fact]
    public void InheritedValuesFollowTheParentAndOverriddenOnesDoNot()
    {
        var root = OrgSettings.ForRoot();
        var child = OrgSettings.ForChildOf(root, _rootId)
            .Override(new Dictionary<string, object?> { ["channels.voice"] = true }).Settings;
        root = root.Override(new Dictionary<string, object?> { ["channels.voice"] = false, ["features.ai"] = true }).Settings;

        var (followed, changed) = child.FollowParent(root, _rootId);

        Assert.Equal(true, followed["features.ai"].Value);
        Assert.Equal(true, followed["channels.voice"].Value);
        Assert.Equal(["features.ai"], changed);
    }

    [Fact]
    public void OverridingWithTheSameValueReportsNoChange()
    {
        var root = OrgSettings.ForRoot();

        var (_, changed) = root.Override(new Dictionary<string, object?> { ["locale"] = root["locale"].Value });

        Assert.Empty(changed);
    }

    [Fact]
    public void RestoreRefusesIncompleteSettings()
    {
        var some = OrgSettings.ForRoot().All.Skip(1);

        Assert.Throws<DomainException>(() => OrgSettings.Restore(some));
        Assert.Equal(OrgSettings.ForRoot().All, OrgSettings.Restore(OrgSettings.ForRoot().All).All);
    }

    [Fact]
    public void TryForChildOfRefusesAnUnknownOrInvalidOverrideWithItsReason()
    {
        var root = OrgSettings.ForRoot();
        var parentId = OrgId.New();

        Assert.False(OrgSettings.TryForChildOf(root, parentId, new Dictionary<string, object?> { ["nope"] = 1 }, out _, out var unknown));
        Assert.False(OrgSettings.TryForChildOf(root, parentId, new Dictionary<string, object?> { ["loginAttempts"] = 0 }, out _, out var invalid));
        Assert.True(OrgSettings.TryForChildOf(root, parentId, new Dictionary<string, object?> { ["locale"] = "de-DE" }, out var child, out _));

        Assert.Equal("'nope' is not a setting.", unknown);
        Assert.StartsWith("loginAttempts ", invalid);
        Assert.Equal("de-DE", child["locale"].Value);
        Assert.Equal(SettingSource.Overridden, child["locale"].Source);
    }
}
