using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.SmartPhrases;
using OrgFunctions.OrgItems;
using OrgFunctions.Storage;

namespace OrgFunctions.SmartPhrases;

/// <summary>
/// An org's smart phrases. Reads need <c>conversations.read</c> (agents insert phrases into conversations); changes need
/// <c>settings.manage</c>. Search reads the org's partition and ranks in memory (<see cref="PhraseSearch"/>): an org has
/// hundreds to a few thousand phrases, so one partition scan is cheaper than maintaining a word index.
/// </summary>
public sealed class SmartPhraseService(OrgDataTables tables, TimeProvider clock)
{
    public const int MaxResults = 1000;

    public async Task<IReadOnlyList<SmartPhraseView>> ListAsync(OrgScope scope, string? search, CancellationToken cancellationToken)
    {
        var phrases = await AllAsync(scope.Org.Org.Id.Value, cancellationToken);
        return search is null
            ? phrases.OrderBy(p => p.ShortcutKey, StringComparer.Ordinal).Take(MaxResults).Select(p => SmartPhraseView.From(p)).ToList()
            : PhraseSearch.Rank(phrases, search).Take(MaxResults).Select(r => SmartPhraseView.From(r.Phrase, r.Score)).ToList();
    }

    public async Task<Outcome<(SmartPhraseView Phrase, ETag ETag)>> GetAsync(OrgScope scope, string id, CancellationToken cancellationToken)
    {
        var found = await OrgItemChanges.FindAsync(FindAsync(scope.Org.Org.Id.Value, id, cancellationToken), What);
        return found.Failure is { } failure ? failure : (SmartPhraseView.From(found.Value!.Phrase), found.Value.ETag);
    }

    public async Task<Outcome<(SmartPhraseView Phrase, ETag ETag)>> CreateAsync(OrgScope scope, SmartPhraseRequest request,
        CancellationToken cancellationToken)
    {
        var partition = scope.Org.Org.Id.Value;
        var phrase = new SmartPhrase(SmartPhrase.NewId(), request.Shortcut, request.Text, request.Tags);
        await tables.EnsureCreatedAsync();
        try
        {
            var response = await tables.SmartPhrases.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, SmartPhraseRow.Phrase(partition, phrase, clock.GetUtcNow())),
                new(TableTransactionActionType.Add, SmartPhraseRow.Shortcut(partition, phrase)),
            ], cancellationToken);
            return (SmartPhraseView.From(phrase), response.Value[0].Headers.ETag ?? default);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return new Failure.Conflict($"The shortcut '{request.Shortcut}' is already used in this org.");
        }
    }

    public async Task<Outcome<(SmartPhraseView Phrase, ETag ETag)>> ReplaceAsync(OrgScope scope, string id, SmartPhraseRequest request,
        ETag? ifMatch, CancellationToken cancellationToken)
    {
        var partition = scope.Org.Org.Id.Value;
        var found = await OrgItemChanges.FindForChangeAsync(FindAsync(partition, id, cancellationToken), What, p => p.ETag, ifMatch);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var current = found.Value!;
        var updated = current.Phrase with { Shortcut = request.Shortcut, Text = request.Text, Tags = request.Tags };
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, SmartPhraseRow.Phrase(partition, updated, clock.GetUtcNow()), current.ETag),
        };
        if (updated.ShortcutKey != current.Phrase.ShortcutKey)
        {
            actions.Add(new(TableTransactionActionType.Delete, SmartPhraseRow.Shortcut(partition, current.Phrase), ETag.All));
            actions.Add(new(TableTransactionActionType.Add, SmartPhraseRow.Shortcut(partition, updated)));
        }
        try
        {
            var response = await tables.SmartPhrases.SubmitTransactionAsync(actions, cancellationToken);
            return (SmartPhraseView.From(updated), response.Value[0].Headers.ETag ?? default);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return new Failure.Conflict($"The shortcut '{request.Shortcut}' is already used in this org.");
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            return new Failure.PreconditionFailed();
        }
    }

    public async Task<Outcome<bool>> DeleteAsync(OrgScope scope, string id, CancellationToken cancellationToken)
    {
        var partition = scope.Org.Org.Id.Value;
        var found = await OrgItemChanges.FindAsync(FindAsync(partition, id, cancellationToken), What);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var current = found.Value!;
        try
        {
            await tables.SmartPhrases.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Delete, SmartPhraseRow.Phrase(partition, current.Phrase, default), current.ETag),
                new(TableTransactionActionType.Delete, SmartPhraseRow.Shortcut(partition, current.Phrase), ETag.All),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            return new Failure.Conflict("The phrase changed meanwhile; retry.");
        }
        return true;
    }

    private async Task<List<SmartPhrase>> AllAsync(string partition, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var phrases = new List<SmartPhrase>();
        await foreach (var row in tables.SmartPhrases.QueryAsync<SmartPhraseEntity>(SmartPhraseRow.PhraseRangeFilter(partition),
                           cancellationToken: cancellationToken))
        {
            phrases.Add(SmartPhraseRow.Read(row).Phrase);
        }
        return phrases;
    }

    private const string What = "smart phrase";

    private sealed record StoredPhrase(SmartPhrase Phrase, ETag ETag);

    private async Task<StoredPhrase?> FindAsync(string partition, string id, CancellationToken cancellationToken)
    {
        if (!SmartPhrase.IsValidId(id))
        {
            return null;
        }
        await tables.EnsureCreatedAsync();
        var row = await tables.SmartPhrases.GetEntityIfExistsAsync<SmartPhraseEntity>(partition, SmartPhraseRow.PhraseKey(id),
            cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }
        var (phrase, etag) = SmartPhraseRow.Read(row.Value!);
        return new StoredPhrase(phrase, etag);
    }
}
