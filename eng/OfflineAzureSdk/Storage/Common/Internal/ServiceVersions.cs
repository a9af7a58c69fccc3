namespace Azure.Storage.Internal;

internal static class ServiceVersions
{
    /// <summary>"V2026_10_06" → "2026-10-06": the enums name each x-ms-version they stand for.</summary>
    public static string ToHeaderValue<TEnum>(TEnum version) where TEnum : struct, Enum
    {
        var name = Enum.GetName(version) ?? throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown service version.");
        return name.TrimStart('V').Replace('_', '-');
    }
}
