using Azure;
using OrgFunctions.Application;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.OrgItems;

/// <summary>
/// How an org's item is found and a change of it answered, the same way for every kind (the smart phrases of the org's
/// own table too): a missing item is a 404 naming it; an <c>If-Match</c> that names another version is a 412; a
/// transaction that finds its row changed meanwhile is a 412 under If-Match and a 409 without; any other conflict is the
/// kind's own (most often: its name is taken).
/// </summary>
public static class OrgItemChanges
{
    public static async Task<Outcome<T>> FindAsync<T>(Task<T?> find, string what) where T : class =>
        await find is { } item ? item : new Failure.NotFound(what);

    /// <summary>The item to change, found (404 otherwise) at the version <paramref name="ifMatch"/> names (412 otherwise).</summary>
    public static async Task<Outcome<T>> FindForChangeAsync<T>(Task<T?> find, string what, Func<T, ETag> etagOf, ETag? ifMatch)
        where T : class
    {
        if (await find is not { } current)
        {
            return new Failure.NotFound(what);
        }
        return ifMatch is { } expected && expected != ETag.All && expected != etagOf(current) ? new Failure.PreconditionFailed() : current;
    }

    /// <summary>What a submitted change came to: null when applied, else the failure to answer.</summary>
    public static Failure? Refusal(WriteResult result, ETag? ifMatch, string what, Failure conflict) =>
        result.Applied ? null
        : !result.IsStale ? conflict
        : ifMatch is null ? new Failure.Conflict($"The {what} was changed meanwhile; read it again and retry.")
        : new Failure.PreconditionFailed();
}
