using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Users;
using OrgFunctions.Storage;

namespace OrgFunctions.Users;

/// <summary>
/// Users by id and by email, and the orgs each belongs to. One account per email: its index row is claimed before the
/// user's row is written; a claim whose user row never got written (a crash between the two) is taken over once it is five minutes old.
/// </summary>
public sealed class UserStore(OrgTables tables, TimeProvider clock)
{
    // A claim younger than this may belong to a creation still between its claim and its user row: never taken over.
    private static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(5);

    public async Task<UserRecord?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var row = await tables.Users.GetEntityIfExistsAsync<UserEntity>(userId, UserEntity.ProfileRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<UserRecord?> FindByEmailAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var claim = await tables.Index.GetEntityIfExistsAsync<UserEmailEntity>(IndexKeys.UserEmail(email.Key), IndexKeys.RowKey,
            cancellationToken: cancellationToken);
        return claim.HasValue ? await GetAsync(claim.Value!.UserId, cancellationToken) : null;
    }

    /// <summary>Creates a user, or null when the email already belongs to one.</summary>
    public async Task<UserRecord?> CreateAsync(EmailAddress email, string displayName, string? passwordHash, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var userId = UserRecord.NewId();
        if (!await ClaimEmailAsync(email, userId, cancellationToken))
        {
            return null;
        }
        var row = new UserEntity
        {
            PartitionKey = userId, RowKey = UserEntity.ProfileRowKey, Email = email.Value, DisplayName = displayName,
            PasswordHash = passwordHash, CreatedAt = now,
        };
        var added = await tables.Users.AddEntityAsync(row, cancellationToken);
        row.ETag = added.Headers.ETag ?? default;
        return Read(row);
    }

    /// <summary>Sets the password's hash, conditional on the version read: false when the user changed meanwhile.</summary>
    public async Task<bool> SetPasswordHashAsync(UserRecord user, string passwordHash, CancellationToken cancellationToken)
    {
        // The one column: a merge of a UserEntity would also write its other properties' defaults (an empty email).
        var row = new TableEntity(user.Id, UserEntity.ProfileRowKey) { [nameof(UserEntity.PasswordHash)] = passwordHash };
        try
        {
            await tables.Users.UpdateEntityAsync(row, user.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Records that the user belongs to the org at <paramref name="path"/>; before the membership's transaction.</summary>
    public async Task AddOrgAsync(string userId, OrgPath path, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await tables.Users.UpsertEntityAsync(new UserOrgEntity
        {
            PartitionKey = userId, RowKey = UserOrgEntity.KeyOf(path.OrgId.Value), RootId = path.RootId.Value, Path = path.Value,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The orgs the user's pointers name (one range query); each must still be checked against its membership row.</summary>
    public async Task<IReadOnlyList<OrgPath>> OrgsAsync(string userId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var filter = RowKeys.PrefixFilter(userId, UserOrgEntity.RowKeyPrefix);
        var paths = new List<OrgPath>();
        await foreach (var row in tables.Users.QueryAsync<UserOrgEntity>(filter, cancellationToken: cancellationToken))
        {
            paths.Add(OrgPath.Parse(row.Path));
        }
        return paths;
    }

    private async Task<bool> ClaimEmailAsync(EmailAddress email, string userId, CancellationToken cancellationToken)
    {
        var claim = new UserEmailEntity { PartitionKey = IndexKeys.UserEmail(email.Key), RowKey = IndexKeys.RowKey, UserId = userId };
        try
        {
            await tables.Index.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await tables.Index.GetEntityAsync<UserEmailEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            var user = await tables.Users.GetEntityIfExistsAsync<UserEntity>(existing.Value.UserId, UserEntity.ProfileRowKey,
                select: ["CreatedAt"], cancellationToken: cancellationToken);
            // Only an abandoned claim is taken over: two racing creations (parallel accepts of one invitation) must not
            // both get an account for one email.
            if (user.HasValue || clock.GetUtcNow() - existing.Value.Timestamp < AbandonedClaimAge)
            {
                return false;
            }
            try
            {
                await tables.Index.UpdateEntityAsync(claim, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException race) when (race.Status == 412)
            {
                return false;
            }
        }
    }

    private static UserRecord Read(UserEntity row) =>
        new(row.PartitionKey, EmailAddress.Create(row.Email), row.DisplayName, row.PasswordHash, row.CreatedAt, row.ETag);
}
