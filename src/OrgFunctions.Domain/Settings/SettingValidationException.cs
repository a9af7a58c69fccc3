namespace OrgFunctions.Domain.Settings;

/// <summary>A setting value is invalid; <see cref="SettingName"/> says which, so an API can name the field.</summary>
public sealed class SettingValidationException(string settingName, string message) : DomainException(message)
{
    public string SettingName { get; } = settingName;
}
