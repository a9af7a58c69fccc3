namespace OrgFunctions.Access;

/// <summary>The configuration section <c>Access</c> (environment <c>Access__CacheStaleness</c>, ...): the caller and org-location cache.</summary>
public sealed class AccessOptions : OrgFunctions.Configuration.IValidatedOptions
{
    public const string Section = "Access";

    /// <summary>
    /// The most a cached caller or org row may lag behind a change made on another instance (on the
    /// instance that made it, the change counts at once). Zero turns the cache off: every request reads everything.
    /// </summary>
    public TimeSpan CacheStaleness { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many entries (callers, org locations, org rows) the cache holds at most, so memory can't grow without end.
    /// Locations stay until room is needed (a few hundred bytes each); the rest leave with the bound.
    /// </summary>
    public int CacheEntries { get; set; } = 100_000;

    public IEnumerable<string> Problems()
    {
        if (CacheStaleness < TimeSpan.Zero || CacheStaleness > TimeSpan.FromMinutes(5))
        {
            yield return "Access:CacheStaleness must be from zero (no cache) to 5 minutes.";
        }
        if (CacheEntries < 1 || CacheEntries > 1_000_000)
        {
            yield return "Access:CacheEntries must be from 1 to 1,000,000.";
        }
    }
}
