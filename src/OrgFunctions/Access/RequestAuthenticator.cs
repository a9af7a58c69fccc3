using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrgFunctions.ApiKeys;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.ApiKeys;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;
using OrgFunctions.Roles;
using OrgFunctions.Storage;
using OrgFunctions.Users;
using OrgFunctions.Domain.Users;

namespace OrgFunctions.Access;

/// <summary>
/// Turns <c>Authorization: Bearer …</c> into a <see cref="Caller"/>. A session token (<c>ofs_…</c>) goes to
/// <see cref="SessionAuthenticator"/>. An API key (<c>ofk_…</c>): the key's index row, its tree row (the truth about a
/// revocation), then its role and its org's row (so a deleted org's keys never work, whatever the interleaving of an
/// issue and the delete). A key found is kept in the <see cref="AccessCache"/> under the hash of the whole token, so a
/// warm request reads nothing and a wrong secret never matches; a refusal is never kept. Anything else is null, which the
/// endpoint answers with 401.
/// </summary>
public sealed class RequestAuthenticator(OrgTables tables, OrgStore orgs, SessionAuthenticator sessions, AccessCache cache, TimeProvider clock,
    ILogger<RequestAuthenticator> logger)
{
    // lastUsedAt is for people, not for auditing each call: writing it at most this often keeps reads cheap.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        (await IdentifyAsync(request, cancellationToken)).Caller;

    /// <summary>The caller, or why there is none (no credentials, or a session that has ended).</summary>
    public async Task<Authentication> IdentifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var presented = BearerToken(request);
        if (UserToken.TryParse(presented, TokenPurpose.Session, out var session))
        {
            return await sessions.AuthenticateAsync(session, cancellationToken);
        }
        var caller = await KeyCallerAsync(presented, cancellationToken);
        return caller is null ? Authentication.Refused(AuthenticationRefusal.Unknown) : Authentication.As(caller);
    }

    /// <summary>The request's bearer token, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    private async Task<Caller?> KeyCallerAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.TryParse(token, out var presented))
        {
            return null;
        }
        // The whole token, secret included: an entry answers only the exact token that was verified.
        var cacheKey = AccessCache.KeyCallerKey(token!);
        var now = clock.GetUtcNow();
        // Once lastUsedAt is due again, read everything: the write is conditional on the row as read.
        if (cache.Find<KnownKey>(cacheKey) is { } known && known.LastUsedAt is { } used && now - used < LastUsedResolution)
        {
            return known.Caller;
        }

        var mark = cache.Mark();
        await tables.EnsureCreatedAsync();
        var index = await tables.Index.GetEntityIfExistsAsync<IndexEntity>(IndexKeys.ApiKey(presented.KeyId), IndexKeys.RowKey,
            cancellationToken: cancellationToken);
        if (!index.HasValue)
        {
            return null;
        }
        var path = OrgPath.Parse(index.Value!.Path);
        var keyRow = await tables.Orgs.GetEntityIfExistsAsync<ApiKeyEntity>(path.RootId.Value, RowKeys.Key(path.OrgId, presented.KeyId),
            cancellationToken: cancellationToken);
        if (!keyRow.HasValue)
        {
            return null;
        }
        var key = ApiKeyRow.Read(keyRow.Value!);
        if (!key.Key.Authenticates(presented))
        {
            return null;
        }
        // The role and the key's org don't depend on each other: read both at once.
        var roleRead = tables.Orgs.GetEntityIfExistsAsync<RoleEntity>(path.RootId.Value, RowKeys.Role(path.OrgId, key.Key.RoleId),
            cancellationToken: cancellationToken);
        var orgRead = orgs.GetAsync(new OrgLocation(path.OrgId, path), cancellationToken);
        await Task.WhenAll(roleRead, orgRead);
        var roleRow = roleRead.Result;
        // A key issued while its org was being deleted can escape the delete's revocations; the org's own row can't.
        if (!roleRow.HasValue || orgRead.Result is null)
        {
            return null;
        }

        var lastUsed = await TouchAsync(keyRow.Value!, key, now, cancellationToken);
        var caller = new Caller(key.Key.Id, path, RoleRow.Read(roleRow.Value!).Role);
        cache.Keep(cacheKey, path.RootId.Value, mark, new KnownKey(caller, lastUsed));
        return caller;
    }

    /// <summary>Writes lastUsedAt when it is due; returns the last use as stored after (null: never written).</summary>
    private async Task<DateTimeOffset?> TouchAsync(ApiKeyEntity row, ApiKeyRecord key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (key.Key.LastUsedAt is { } last && now - last < LastUsedResolution)
        {
            return last;
        }
        try
        {
            // Conditional on the row we read: a concurrent revocation wins, and this write is simply dropped.
            await tables.Orgs.UpdateEntityAsync(ApiKeyRow.Used(row, now), row.ETag, TableUpdateMode.Merge, cancellationToken);
            return now;
        }
        catch (Azure.RequestFailedException ex)
        {
            logger.LogDebug("lastUsedAt of key {KeyId} not updated: {Status}", key.Key.Id, ex.Status);
            return key.Key.LastUsedAt;
        }
    }

    /// <summary>A verified key's caller, and its last use as stored (a cache hit stops short of the next write due).</summary>
    private sealed record KnownKey(Caller Caller, DateTimeOffset? LastUsedAt);
}
