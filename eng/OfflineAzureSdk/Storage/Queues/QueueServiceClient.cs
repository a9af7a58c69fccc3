using Azure.Core;
using Azure.Internal;
using Azure.Storage.Internal;
using Azure.Storage.Queues.Internal;

namespace Azure.Storage.Queues;

/// <summary>The queue service of one storage account; hands out queue clients sharing its pipeline and options.</summary>
public class QueueServiceClient
{
    private readonly StorageClientContext _context = null!;
    private readonly QueueClientOptions _options = null!;
    private readonly Uri _uri = null!;

    protected QueueServiceClient() { }

    public QueueServiceClient(string connectionString)
        : this(connectionString, null)
    {
    }

    public QueueServiceClient(string connectionString, QueueClientOptions? options)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        _uri = parsed.QueueEndpoint;
        _options = options ?? new QueueClientOptions();
        _context = QueueContexts.FromConnectionString(parsed, _options);
    }

    public QueueServiceClient(Uri serviceUri, QueueClientOptions? options = null)
    {
        _uri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
        _options = options ?? new QueueClientOptions();
        _context = QueueContexts.Anonymous(_options);
    }

    public QueueServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
    {
        _uri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
        _options = options ?? new QueueClientOptions();
        _context = QueueContexts.SharedKey(credential, _options);
    }

    public QueueServiceClient(Uri serviceUri, TokenCredential credential, QueueClientOptions? options = null)
    {
        _uri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
        _options = options ?? new QueueClientOptions();
        _context = QueueContexts.Token(serviceUri, credential, _options);
    }

    public virtual Uri Uri => _uri;

    public virtual string AccountName => _context.SharedKey?.AccountName ?? StorageUris.AccountName(_uri);

    public virtual QueueClient GetQueueClient(string queueName)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        return new QueueClient(StorageUris.AppendPath(_uri, StorageUris.EscapeSegment(queueName)), _context, _options.MessageEncoding);
    }
}
