namespace OrgFunctions.Domain.Settings;

public enum SettingKind
{
    /// <summary>A BCP 47 language tag the platform knows, e.g. en-GB.</summary>
    Locale,

    /// <summary>An IANA time zone id, e.g. Europe/Dublin.</summary>
    TimeZone,

    /// <summary>A whole number within the definition's range.</summary>
    Integer,

    /// <summary>On or off.</summary>
    Switch,
}
