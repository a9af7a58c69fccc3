using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrgFunctions.ActivityFeed;

/// <summary>
/// Deletes feed rows older than <see cref="ActivityOptions.RetentionDays"/>, bounded per run. It reads the day marks of
/// days wholly before the cutoff (one range of one small partition), and for each marked feed deletes its rows older
/// than the cutoff (the tail of its partition: one range query per 100 rows, one transaction per 100 deletes), then the
/// mark. What a run leaves (its budget spent) the next run continues: a mark is deleted only once its feed has no
/// expired row left.
/// </summary>
public sealed class ActivitySweeper(ActivityTables tables, IOptions<ActivityOptions> options, TimeProvider clock,
    ILogger<ActivitySweeper> logger)
{
    public const int MarksPerRun = 200;
    public const int MaxDeletesPerRun = 20_000;
    private const int Batch = 100;

    public sealed record Result(int Feeds, int Deleted, bool Finished);

    public async Task<Result> SweepAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        // Marks of days before the cutoff's day: every row they mark is older than the cutoff day's start.
        var cutoffDay = new DateTimeOffset(cutoff.UtcDateTime.Date, TimeSpan.Zero);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ActivityKeys.SweepPartition} and RowKey lt {ActivityKeys.DayMarksBefore(cutoffDay)}");
        var (feeds, deleted) = (0, 0);
        await foreach (var mark in tables.Feed.QueryAsync<ActivityDayEntity>(filter, MarksPerRun, cancellationToken: cancellationToken))
        {
            if (feeds == MarksPerRun || deleted >= MaxDeletesPerRun)
            {
                return new Result(feeds, deleted, Finished: false);
            }
            var (count, done) = await DeleteExpiredAsync(mark.FeedOrgId, cutoffDay, MaxDeletesPerRun - deleted, cancellationToken);
            deleted += count;
            feeds++;
            if (done)
            {
                await DeleteQuietlyAsync(mark.PartitionKey, mark.RowKey, mark.ETag, cancellationToken);
            }
        }
        if (deleted > 0)
        {
            logger.LogInformation("Activity retention: {Deleted} rows older than {Cutoff:o} deleted from {Feeds} feeds", deleted, cutoffDay, feeds);
        }
        return new Result(feeds, deleted, Finished: true);
    }

    /// <returns>Rows deleted, and whether the feed has no expired row left.</returns>
    private async Task<(int Deleted, bool Done)> DeleteExpiredAsync(string feed, DateTimeOffset cutoff, int budget, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {feed} and RowKey ge {ActivityKeys.OccurredBefore(cutoff)}");
        var deleted = 0;
        while (deleted < budget)
        {
            var rows = new List<TableTransactionAction>();
            await foreach (var page in tables.Feed.QueryAsync<TableEntity>(filter, Batch, ["RowKey"], cancellationToken).AsPages(null, Batch))
            {
                rows.AddRange(page.Values.Select(r => new TableTransactionAction(TableTransactionActionType.Delete,
                    new TableEntity(feed, r.RowKey), ETag.All)));
                break;
            }
            if (rows.Count == 0)
            {
                return (deleted, true);
            }
            try
            {
                await tables.Feed.SubmitTransactionAsync(rows, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Another run deleted one of them meanwhile: the next query sees what is left.
            }
            deleted += rows.Count;
        }
        return (deleted, false);
    }

    private async Task DeleteQuietlyAsync(string partitionKey, string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Feed.DeleteEntityAsync(partitionKey, rowKey, etag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Written again meanwhile (a late event of that day): the next run looks at it again.
        }
    }
}
