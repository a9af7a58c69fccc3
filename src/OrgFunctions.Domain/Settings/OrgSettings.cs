using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Settings;

/// <summary>
/// An org's inheritable settings with their provenance. A child starts with a copy of its parent's values, all
/// inherited; it may override some, and reset them to follow the parent again. When a parent's value changes, its
/// children's inherited copies follow (<see cref="FollowParent"/>); overridden values do not.
/// Immutable: every change returns a new instance, plus the names that changed.
/// </summary>
public sealed class OrgSettings
{
    private readonly ImmutableDictionary<string, EffectiveSetting> _settings;

    private OrgSettings(ImmutableDictionary<string, EffectiveSetting> settings) => _settings = settings;

    /// <summary>Every setting, in catalogue order.</summary>
    public IEnumerable<EffectiveSetting> All => SettingCatalog.All.Select(d => _settings[d.Name]);

    public EffectiveSetting this[string name] =>
        _settings.TryGetValue(name, out var setting) ? setting : throw new SettingValidationException(name, $"'{name}' is not a setting.");

    /// <summary>A root org's settings: the catalogue defaults, each its own (overridden) value.</summary>
    public static OrgSettings ForRoot() => new(SettingCatalog.All.ToImmutableDictionary(
        d => d.Name, d => new EffectiveSetting(d.Name, d.DefaultValue, SettingSource.Overridden, null)));

    /// <summary>A new child's settings: a copy of the parent's values, inherited, then the given overrides applied.</summary>
    public static OrgSettings ForChildOf(OrgSettings parent, OrgId parentId, IReadOnlyDictionary<string, object?>? overrides = null)
    {
        var inherited = new OrgSettings(parent._settings.ToImmutableDictionary(
            kv => kv.Key, kv => Inherit(kv.Value, parentId)));
        return overrides is null or { Count: 0 } ? inherited : inherited.Override(overrides).Settings;
    }

    /// <summary>
    /// A new child's settings with <paramref name="overrides"/>, or why the first invalid override can't be (the reason a
    /// provisioning is refused with).
    /// </summary>
    public static bool TryForChildOf(OrgSettings parent, OrgId parentId, IReadOnlyDictionary<string, object?>? overrides,
        [NotNullWhen(true)] out OrgSettings? settings, [NotNullWhen(false)] out string? error)
    {
        settings = null;
        foreach (var (name, value) in overrides ?? new Dictionary<string, object?>())
        {
            if (!SettingCatalog.TryGet(name, out var definition))
            {
                error = $"'{name}' is not a setting.";
                return false;
            }
            if (!definition.TryValidate(value, out _, out error))
            {
                return false;
            }
        }
        settings = ForChildOf(parent, parentId, overrides);
        error = null;
        return true;
    }

    /// <summary>Sets values on this org. Every value is validated before anything changes; the first invalid one throws.</summary>
    public (OrgSettings Settings, IReadOnlyList<string> Changed) Override(IReadOnlyDictionary<string, object?> values)
    {
        var validated = values.Select(kv => (Name: kv.Key, Value: SettingCatalog.Get(kv.Key).Validate(kv.Value))).ToList();
        var builder = _settings.ToBuilder();
        var changed = new List<string>();
        foreach (var (name, value) in validated)
        {
            var before = builder[name];
            var after = new EffectiveSetting(name, value, SettingSource.Overridden, null);
            if (before != after)
            {
                builder[name] = after;
                changed.Add(name);
            }
        }
        return (new OrgSettings(builder.ToImmutable()), changed);
    }

    /// <summary>Takes the named settings back to the parent's current values and marks them inherited.</summary>
    public (OrgSettings Settings, IReadOnlyList<string> Changed) Reset(IEnumerable<string> names, OrgSettings parent, OrgId parentId)
    {
        var list = names.Distinct().ToList();
        foreach (var name in list)
        {
            SettingCatalog.Get(name);
        }
        return Replace(list, name => Inherit(parent._settings[name], parentId));
    }

    /// <summary>Refreshes every inherited setting from the parent's current values (after the parent changed).</summary>
    public (OrgSettings Settings, IReadOnlyList<string> Changed) FollowParent(OrgSettings parent, OrgId parentId) =>
        Replace(_settings.Values.Where(s => s.Source == SettingSource.Inherited).Select(s => s.Name).ToList(),
            name => Inherit(parent._settings[name], parentId));

    private (OrgSettings, IReadOnlyList<string>) Replace(IReadOnlyList<string> names, Func<string, EffectiveSetting> next)
    {
        var builder = _settings.ToBuilder();
        var changed = new List<string>();
        foreach (var name in names)
        {
            var after = next(name);
            if (builder[name] != after)
            {
                builder[name] = after;
                changed.Add(name);
            }
        }
        return (new OrgSettings(builder.ToImmutable()), changed);
    }

    // The origin travels down: a value the parent itself inherited still names the org that set it.
    private static EffectiveSetting Inherit(EffectiveSetting fromParent, OrgId parentId) =>
        fromParent with { Source = SettingSource.Inherited, InheritedFrom = fromParent.InheritedFrom ?? parentId };

    /// <summary>Rebuilds settings read back from storage; every catalogue setting must be present and valid.</summary>
    public static OrgSettings Restore(IEnumerable<EffectiveSetting> settings)
    {
        var map = settings.ToImmutableDictionary(s => s.Name, s => s with { Value = SettingCatalog.Get(s.Name).Validate(s.Value) });
        var missing = SettingCatalog.All.Where(d => !map.ContainsKey(d.Name)).Select(d => d.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("Stored settings lack " + string.Join(", ", missing) + ".");
        }
        return new OrgSettings(map);
    }
}
