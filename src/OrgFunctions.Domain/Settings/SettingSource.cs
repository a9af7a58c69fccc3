namespace OrgFunctions.Domain.Settings;

public enum SettingSource
{
    /// <summary>The value follows the parent's; <see cref="EffectiveSetting.InheritedFrom"/> names the org that set it.</summary>
    Inherited,

    /// <summary>The value was set on this org (a root org's own values count as overridden).</summary>
    Overridden,
}
