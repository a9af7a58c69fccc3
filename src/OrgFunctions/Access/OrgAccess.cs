using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Orgs;

namespace OrgFunctions.Access;

/// <summary>
/// Finds an org for a caller: locate it (one point read), decide visibility from the path alone, then the permission,
/// then read it (one point read). A missing org and an invisible one fail the same way, so nothing leaks.
/// </summary>
public sealed class OrgAccess(OrgStore store)
{
    public async Task<Outcome<OrgRecord>> ResolveAsync(Caller caller, string orgId, string permission, CancellationToken cancellationToken)
    {
        var location = await store.LocateAsync(orgId, cancellationToken);
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
        var org = await store.GetAsync(location, cancellationToken);
        return org is null ? new Failure.NotFound("org") : org;
    }
}
