using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Settings;

/// <summary>A setting's value on one org and where it came from.</summary>
/// <param name="InheritedFrom">For an inherited value, the org where it was last set (the nearest ancestor that overrode it, or the root); null when overridden.</param>
public sealed record EffectiveSetting(string Name, object Value, SettingSource Source, OrgId? InheritedFrom);
