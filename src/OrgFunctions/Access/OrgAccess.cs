using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Orgs;

namespace OrgFunctions.Access;

/// <summary>
/// Finds an org for a caller: locate it (one index point read, or none once its location is cached), decide visibility
/// from the path alone, then the permission, then read it (one point read). A missing org and an invisible one fail the
/// same way, so nothing leaks. A route that answers with the org or changes it reads its row fresh
/// (<see cref="ResolveAsync"/>), so a deleted org is 404 at once; a listing, which uses the org only to scope its query,
/// may take the row from the <see cref="AccessCache"/> (<see cref="ResolveForListingAsync"/>).
/// </summary>
public sealed class OrgAccess(OrgStore store, AccessCache cache)
{
    public Task<Outcome<OrgRecord>> ResolveAsync(Caller caller, string orgId, string permission, CancellationToken cancellationToken) =>
        ResolveAsync(caller, orgId, permission, fresh: true, cancellationToken);

    /// <summary>As <see cref="ResolveAsync"/>, but the org's row may be up to the cache's bound old (a deleted org lists within it).</summary>
    public Task<Outcome<OrgRecord>> ResolveForListingAsync(Caller caller, string orgId, string permission, CancellationToken cancellationToken) =>
        ResolveAsync(caller, orgId, permission, fresh: false, cancellationToken);

    private async Task<Outcome<OrgRecord>> ResolveAsync(Caller caller, string orgId, string permission, bool fresh,
        CancellationToken cancellationToken)
    {
        var location = await LocateAsync(orgId, cancellationToken);
        if (location is null)
        {
            return new Failure.NotFound("org");
        }
        switch (AccessPolicy.Decide(caller, location.Path, permission))
        {
            case AccessDecision.NotVisible:
                return new Failure.NotFound("org");
            case AccessDecision.Forbidden:
                return new Failure.Forbidden(permission);
        }
        var key = AccessCache.OrgKey(location.OrgId.Value);
        if (!fresh && cache.Find<OrgRecord>(key) is { } cached)
        {
            return cached;
        }
        var mark = cache.Mark();
        var org = await store.GetAsync(location, cancellationToken);
        if (org is null)
        {
            return new Failure.NotFound("org");
        }
        cache.Keep(key, location.Path.RootId.Value, mark, org);
        return org;
    }

    /// <summary>
    /// Where the org is. An id is never reused and a path never moves, so a location found is kept for good; a deleted
    /// org is caught by its row (read, or bounded in the cache). A missing one is never kept: an org just made is found.
    /// </summary>
    private async Task<OrgLocation?> LocateAsync(string orgId, CancellationToken cancellationToken)
    {
        var key = AccessCache.LocationKey(orgId);
        if (cache.Find<OrgLocation>(key) is { } cached)
        {
            return cached;
        }
        var location = await store.LocateAsync(orgId, cancellationToken);
        if (location is not null)
        {
            cache.KeepForGood(key, location);
        }
        return location;
    }
}
