using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Users;
using OrgFunctions.Storage;

namespace OrgFunctions.Users;

/// <summary>A session as stored: who, in which org, since when, last used when.</summary>
public sealed record SessionRecord(string TokenHash, string UserId, OrgPath Path, DateTimeOffset SignedInAt, DateTimeOffset LastUsedAt, ETag ETag);

/// <summary>Sessions by the hash of their token: started at sign-in, read at each use, ended at sign-out or expiry.</summary>
public sealed class SessionStore(OrgTables tables, AccessCache cache)
{
    /// <summary>Starts a session; the token is returned once and only its hash is stored.</summary>
    public async Task<(UserToken Token, SessionRecord Session)> StartAsync(string userId, OrgPath path, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var token = UserToken.Issue(TokenPurpose.Session);
        var row = new SessionEntity
        {
            PartitionKey = token.Hash, RowKey = SessionEntity.SessionRowKey, UserId = userId, Path = path.Value, SignedInAt = now, LastUsedAt = now,
        };
        var added = await tables.Sessions.AddEntityAsync(row, cancellationToken);
        row.ETag = added.Headers.ETag ?? default;
        return (token, Read(row));
    }

    public async Task<SessionRecord?> FindAsync(UserToken token, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var row = await tables.Sessions.GetEntityIfExistsAsync<SessionEntity>(token.Hash, SessionEntity.SessionRowKey,
            cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>Records a use; conditional on the version read, so a concurrent sign-out wins and this write is dropped.</summary>
    public async Task TouchAsync(SessionRecord session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            // A TableEntity of the one column: a merge of a SessionEntity would also write its other properties' defaults.
            await tables.Sessions.UpdateEntityAsync(
                new TableEntity(session.TokenHash, SessionEntity.SessionRowKey) { [nameof(SessionEntity.LastUsedAt)] = now },
                session.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Ended or used concurrently: either way the other request's write stands.
        }
    }

    /// <summary>
    /// Ends a session; ending one that is gone changes nothing. This process forgets it at once; another instance that
    /// cached it serves it until its cache's bound (ADR 0026).
    /// </summary>
    public async Task EndAsync(string tokenHash, CancellationToken cancellationToken)
    {
        cache.Forget(AccessCache.SessionCallerKey(tokenHash));
        await tables.EnsureCreatedAsync();
        try
        {
            await tables.Sessions.DeleteEntityAsync(tokenHash, SessionEntity.SessionRowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
        // Again: a use of this session that read its row before the delete may have kept it meanwhile.
        cache.Forget(AccessCache.SessionCallerKey(tokenHash));
    }

    private static SessionRecord Read(SessionEntity row) =>
        new(row.PartitionKey, row.UserId, OrgPath.Parse(row.Path), row.SignedInAt, row.LastUsedAt, row.ETag);
}
