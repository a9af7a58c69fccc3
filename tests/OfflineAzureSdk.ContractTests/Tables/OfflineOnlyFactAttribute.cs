namespace OfflineAzureSdk.ContractTests.Tables;

/// <summary>
/// A fact about a deliberate, documented difference of the offline SDK: it refuses up front what Azure refuses
/// server-side and Azurite accepts (bad key characters, oversized or cross-partition transactions). Against the real
/// package and Azurite there is nothing to check, so it is skipped in nuget mode.
/// </summary>
public sealed class OfflineOnlyFactAttribute : FactAttribute
{
    public OfflineOnlyFactAttribute()
    {
#if !OFFLINE_AZURE_SDK
        Skip = "Checks a client-side refusal of the offline SDK; the real package leaves it to Azure (Azurite accepts it).";
#endif
    }
}

/// <summary>The theory counterpart of <see cref="OfflineOnlyFactAttribute"/>.</summary>
public sealed class OfflineOnlyTheoryAttribute : TheoryAttribute
{
    public OfflineOnlyTheoryAttribute()
    {
#if !OFFLINE_AZURE_SDK
        Skip = "Checks a client-side refusal of the offline SDK; the real package leaves it to Azure (Azurite accepts it).";
#endif
    }
}
