using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OrgFunctions.Application;
using OrgFunctions.Domain.Users;
using OrgFunctions.Email;
using OrgFunctions.Storage;

namespace OrgFunctions.Users.SignIn;

/// <summary>
/// The link that lets a user without a password (sign-up's owner who sent none) set one: a <see cref="TokenPurpose.PasswordSetup"/>
/// token emailed to them, whose hash is an index row valid for <see cref="UsersOptions.PasswordSetupLifetime"/>. Used
/// once: the use that deletes the row (on its ETag) is the one that sets the password.
/// </summary>
public sealed class PasswordSetup(OrgTables tables, UserStore users, Passwords passwords, EmailOutbox outbox, IOptions<UsersOptions> options,
    TimeProvider clock)
{
    public const string Subject = "Set your OrgFunctions password";

    /// <summary>
    /// Stores a new token for <paramref name="user"/> and returns the email carrying its link, as an action of the
    /// transaction of <paramref name="treePartition"/> (the caller marks the tree, <see cref="EmailOutbox.MarkAsync"/>).
    /// </summary>
    public async Task<TableTransactionAction> IssueAsync(UserRecord user, string orgName, string treePartition, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var token = UserToken.Issue(TokenPurpose.PasswordSetup);
        var expiresAt = clock.GetUtcNow() + options.Value.PasswordSetupLifetime;
        await tables.Index.AddEntityAsync(new PasswordTokenEntity
        {
            PartitionKey = IndexKeys.PasswordToken(token.Hash), RowKey = IndexKeys.RowKey, UserId = user.Id, ExpiresAt = expiresAt,
        }, cancellationToken);
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/set-password?token={token.Token}";
        var text = $"""
            Your organisation "{orgName}" is ready. Set your password to sign in:

            {link}

            The link works once, until {expiresAt:yyyy-MM-dd HH:mm} UTC. If you didn't sign up, ignore this email.
            """;
        return outbox.Add(treePartition, EmailMessage.Create(user.Email.Value, user.DisplayName, Subject, text));
    }

    /// <summary>Sets the password of the token's user: false when the token is unknown, used or expired (410).</summary>
    public async Task<Outcome<bool>> SetAsync(SetPasswordRequest request, CancellationToken cancellationToken)
    {
        if (!UserToken.TryParse(request.Token, TokenPurpose.PasswordSetup, out var token))
        {
            return false;
        }
        await tables.EnsureCreatedAsync();
        var row = await tables.Index.GetEntityIfExistsAsync<PasswordTokenEntity>(IndexKeys.PasswordToken(token.Hash), IndexKeys.RowKey,
            cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }
        var entry = row.Value!;
        if (entry.UsedAt is not null)
        {
            return false;
        }
        if (entry.ExpiresAt <= clock.GetUtcNow())
        {
            await ConsumeAsync(entry, cancellationToken);
            return false;
        }
        var user = await users.GetAsync(entry.UserId, cancellationToken);
        if (user is null)
        {
            return false;
        }
        if (PasswordPolicy.Problem(request.Password, user.Email) is { } problem)
        {
            return Failure.Field("password", problem);
        }
        // The use that deletes the token sets the password; a racing use loses here and sets nothing.
        if (!await ConsumeAsync(entry, cancellationToken))
        {
            return false;
        }
        var hash = passwords.Hash(request.Password);
        for (var attempt = 0; attempt < 5 && user is not null; attempt++)
        {
            if (await users.SetPasswordHashAsync(user, hash, cancellationToken))
            {
                return true;
            }
            user = await users.GetAsync(entry.UserId, cancellationToken);
        }
        return false;
    }

    /// <summary>
    /// Claims the token: marks it used on the ETag read (one racing use wins; the others get 412), then deletes it. The
    /// mark, not the delete, decides: Azurite let several deletes of one row under one ETag all succeed.
    /// </summary>
    private async Task<bool> ConsumeAsync(PasswordTokenEntity entry, CancellationToken cancellationToken)
    {
        try
        {
            entry.UsedAt = clock.GetUtcNow();
            await tables.Index.UpdateEntityAsync(entry, entry.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
        try
        {
            await tables.Index.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
        return true;
    }
}
