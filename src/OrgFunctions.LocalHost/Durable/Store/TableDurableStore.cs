using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using OrgFunctions.LocalHost.Durable.History;

namespace OrgFunctions.LocalHost.Durable.Store;

/// <summary>
/// The store in Azure Storage tables, named after the task hub as Durable's Azure Storage provider names them:
/// <c>{hub}Instances</c> (one row per instance) and <c>{hub}History</c> (one partition per instance holding its
/// history rows <c>h…</c>, inbox rows <c>m…</c> and open activity rows <c>w…</c>, so an episode commits as one
/// entity-group transaction).
/// </summary>
internal sealed class TableDurableStore : IDurableStore
{
    private const int MaxBatch = 100;
    private static readonly JsonSerializerOptions Json = new();

    private readonly TableClient _instances;
    private readonly TableClient _log;

    public TableDurableStore(string connectionString, string hubName)
    {
        _instances = new TableClient(connectionString, hubName + "Instances");
        _log = new TableClient(connectionString, hubName + "History");
    }

    public string InstancesTableName => _instances.Name;

    public string HistoryTableName => _log.Name;

    public async Task InitializeAsync(CancellationToken cancellation)
    {
        await _instances.CreateIfNotExistsAsync(cancellation);
        await _log.CreateIfNotExistsAsync(cancellation);
    }

    public async Task<InstanceRecord?> ReadInstanceAsync(string instanceId, CancellationToken cancellation)
    {
        var found = await _instances.GetEntityIfExistsAsync<TableEntity>(Key(instanceId), string.Empty, cancellationToken: cancellation);
        return found.HasValue ? ToRecord(found.Value!) : null;
    }

    public async Task<bool> TryCreateInstanceAsync(InstanceRecord record, CancellationToken cancellation)
    {
        try
        {
            await _instances.AddEntityAsync(ToEntity(record), cancellation);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceInstanceAsync(InstanceRecord record, string etag, CancellationToken cancellation)
    {
        try
        {
            await _instances.UpdateEntityAsync(ToEntity(record), new ETag(etag), TableUpdateMode.Replace, cancellation);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    public Task WriteInstanceAsync(InstanceRecord record, CancellationToken cancellation) =>
        _instances.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, cancellation);

    public async Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken cancellation)
    {
        try
        {
            await _instances.DeleteEntityAsync(Key(instanceId), string.Empty, ETag.All, cancellation);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(
        IReadOnlyCollection<OrchestrationRuntimeStatus> statuses, CancellationToken cancellation)
    {
        var filter = string.Join(" or ", statuses.Select(status => TableClient.CreateQueryFilter($"RuntimeStatus eq {status.ToString()}")));
        var found = new List<InstanceRecord>();
        await foreach (var entity in _instances.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            found.Add(ToRecord(entity));
        }
        return found;
    }

    public async Task<InstanceLog> ReadLogAsync(string instanceId, CancellationToken cancellation)
    {
        var history = new List<HistoryEvent>();
        var inbox = new List<InboxMessage>();
        var work = new List<ActivityWorkItem>();
        await foreach (var row in QueryPartition(instanceId, cancellation))
        {
            switch (row.RowKey[0])
            {
                case 'h':
                    history.Add(Deserialize<HistoryEvent>(row.GetString("Event")));
                    break;
                case 'm':
                    inbox.Add(new InboxMessage(row.RowKey[1..], row.GetString("ExecutionId"),
                        Deserialize<HistoryEvent>(row.GetString("Event")), row.GetDateTimeOffset("VisibleAt")!.Value.UtcDateTime));
                    break;
                case 'w':
                    work.Add(new ActivityWorkItem(row.RowKey[1..], row.GetString("ExecutionId"), row.GetInt32("TaskId")!.Value,
                        row.GetString("Name"), row.GetString("Input")));
                    break;
            }
        }
        // Rows come back in RowKey order: history by sequence, inbox by arrival key.
        return new InstanceLog(history, inbox, work);
    }

    public async Task CommitEpisodeAsync(string instanceId, EpisodeCommit commit, CancellationToken cancellation)
    {
        var partition = Key(instanceId);
        var actions = new List<TableTransactionAction>();
        // Add (not upsert) history rows: a concurrent episode on the same instance makes the whole batch fail.
        actions.AddRange(commit.AppendHistory.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add,
            HistoryRow(partition, commit.FirstSequence + i, e))));
        actions.AddRange(commit.AddMessages.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, MessageRow(partition, m))));
        actions.AddRange(commit.AddWorkItems.Select(w => new TableTransactionAction(TableTransactionActionType.UpsertReplace, WorkItemRow(partition, w))));
        var deletes = commit.DeleteMessages.Select(k => "m" + k).Concat(commit.DeleteWorkItems.Select(k => "w" + k)).ToList();

        // One transaction when it fits (the usual case); a larger episode is committed in order, history first.
        if (actions.Count + deletes.Count <= MaxBatch)
        {
            actions.AddRange(deletes.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete,
                new TableEntity(partition, rowKey), ETag.All)));
            if (actions.Count > 0)
            {
                await _log.SubmitTransactionAsync(actions, cancellation);
            }
            return;
        }
        foreach (var chunk in actions.Chunk(MaxBatch))
        {
            await _log.SubmitTransactionAsync(chunk, cancellation);
        }
        await DeleteRowsAsync(partition, deletes, cancellation);
    }

    public Task PutMessageAsync(string instanceId, InboxMessage message, CancellationToken cancellation) =>
        _log.UpsertEntityAsync(MessageRow(Key(instanceId), message), TableUpdateMode.Replace, cancellation);

    public async Task<bool> CompleteActivityAsync(string instanceId, string workItemKey, InboxMessage result, CancellationToken cancellation)
    {
        var partition = Key(instanceId);
        try
        {
            await _log.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, "w" + workItemKey), ETag.All),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, MessageRow(partition, result)),
            ], cancellation);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public async Task ClearLogAsync(string instanceId, CancellationToken cancellation)
    {
        var partition = Key(instanceId);
        var rowKeys = new List<string>();
        await foreach (var row in _log.QueryAsync<TableEntity>(PartitionFilter(partition), select: ["RowKey"], cancellationToken: cancellation))
        {
            rowKeys.Add(row.RowKey);
        }
        await DeleteRowsAsync(partition, rowKeys, cancellation);
    }

    private async Task DeleteRowsAsync(string partition, IReadOnlyList<string> rowKeys, CancellationToken cancellation)
    {
        foreach (var chunk in rowKeys.Chunk(MaxBatch))
        {
            try
            {
                await _log.SubmitTransactionAsync(chunk.Select(rowKey =>
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, rowKey), ETag.All)), cancellation);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Someone deleted one of them first; delete the rest one by one.
                foreach (var rowKey in chunk)
                {
                    try
                    {
                        await _log.DeleteEntityAsync(partition, rowKey, ETag.All, cancellation);
                    }
                    catch (RequestFailedException gone) when (gone.Status == 404)
                    {
                    }
                }
            }
        }
    }

    private IAsyncEnumerable<TableEntity> QueryPartition(string instanceId, CancellationToken cancellation) =>
        _log.QueryAsync<TableEntity>(PartitionFilter(Key(instanceId)), cancellationToken: cancellation);

    private static string PartitionFilter(string partition) => TableClient.CreateQueryFilter($"PartitionKey eq {partition}");

    // Keys may not contain / \ # ? or control characters; instance ids may.
    private static string Key(string instanceId) => Uri.EscapeDataString(instanceId);

    private static TableEntity HistoryRow(string partition, int sequence, HistoryEvent e) => new(partition, $"h{sequence:D10}")
    {
        ["EventType"] = e.Type.ToString(),
        ["Event"] = JsonSerializer.Serialize(e, Json),
    };

    private static TableEntity MessageRow(string partition, InboxMessage m) => new(partition, "m" + m.Key)
    {
        ["ExecutionId"] = m.ExecutionId,
        ["EventType"] = m.Event.Type.ToString(),
        ["Event"] = JsonSerializer.Serialize(m.Event, Json),
        ["VisibleAt"] = new DateTimeOffset(DateTime.SpecifyKind(m.VisibleAt, DateTimeKind.Utc)),
    };

    private static TableEntity WorkItemRow(string partition, ActivityWorkItem w) => new(partition, "w" + w.Key)
    {
        ["ExecutionId"] = w.ExecutionId,
        ["TaskId"] = w.TaskId,
        ["Name"] = w.Name,
        ["Input"] = w.Input,
    };

    private static TableEntity ToEntity(InstanceRecord r) => new(Key(r.InstanceId), string.Empty)
    {
        ["InstanceId"] = r.InstanceId,
        ["Name"] = r.Name,
        ["ExecutionId"] = r.ExecutionId,
        ["RuntimeStatus"] = r.Status.ToString(),
        ["Input"] = r.Input,
        ["Output"] = r.Output,
        ["CustomStatus"] = r.CustomStatus,
        ["FailureDetails"] = r.Failure is null ? null : JsonSerializer.Serialize(r.Failure, Json),
        ["CreatedTime"] = r.CreatedAt,
        ["LastUpdatedTime"] = r.LastUpdatedAt,
        ["StartAt"] = r.StartAt,
        ["ParentInstanceId"] = r.ParentInstanceId,
        ["ParentExecutionId"] = r.ParentExecutionId,
        ["ParentTaskId"] = r.ParentTaskId,
    };

    private static InstanceRecord ToRecord(TableEntity e) => new()
    {
        InstanceId = e.GetString("InstanceId"),
        Name = e.GetString("Name"),
        ExecutionId = e.GetString("ExecutionId"),
        Status = Enum.Parse<OrchestrationRuntimeStatus>(e.GetString("RuntimeStatus")),
        Input = e.GetString("Input"),
        Output = e.GetString("Output"),
        CustomStatus = e.GetString("CustomStatus"),
        Failure = e.GetString("FailureDetails") is { } failure ? Deserialize<TaskFailureDetails>(failure) : null,
        CreatedAt = e.GetDateTimeOffset("CreatedTime") ?? default,
        LastUpdatedAt = e.GetDateTimeOffset("LastUpdatedTime") ?? default,
        StartAt = e.GetDateTimeOffset("StartAt"),
        ParentInstanceId = e.GetString("ParentInstanceId"),
        ParentExecutionId = e.GetString("ParentExecutionId"),
        ParentTaskId = e.GetInt32("ParentTaskId") ?? -1,
        ETag = e.ETag.ToString(),
    };

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;
}
