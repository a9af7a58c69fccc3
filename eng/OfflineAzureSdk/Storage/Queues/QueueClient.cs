using System.Globalization;
using Azure.Core;
using Azure.Internal;
using Azure.Storage.Internal;
using Azure.Storage.Queues.Internal;
using Azure.Storage.Queues.Models;

namespace Azure.Storage.Queues;

/// <summary>One queue: create/delete it and send, receive, peek, update and delete its messages.</summary>
public class QueueClient
{
    private readonly StorageClientContext _context = null!;
    private readonly Uri _uri = null!;
    private readonly QueueMessageEncoding _encoding;

    protected QueueClient() { }

    public QueueClient(string connectionString, string queueName)
        : this(connectionString, queueName, null)
    {
    }

    public QueueClient(string connectionString, string queueName, QueueClientOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        var parsed = StorageConnectionString.Parse(connectionString);
        options ??= new QueueClientOptions();
        _uri = StorageUris.AppendPath(parsed.QueueEndpoint, StorageUris.EscapeSegment(queueName));
        _context = QueueContexts.FromConnectionString(parsed, options);
        _encoding = options.MessageEncoding;
    }

    public QueueClient(Uri queueUri, QueueClientOptions? options = null)
    {
        _uri = queueUri ?? throw new ArgumentNullException(nameof(queueUri));
        options ??= new QueueClientOptions();
        _context = QueueContexts.Anonymous(options);
        _encoding = options.MessageEncoding;
    }

    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
    {
        _uri = queueUri ?? throw new ArgumentNullException(nameof(queueUri));
        options ??= new QueueClientOptions();
        _context = QueueContexts.SharedKey(credential, options);
        _encoding = options.MessageEncoding;
    }

    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions? options = null)
    {
        _uri = queueUri ?? throw new ArgumentNullException(nameof(queueUri));
        options ??= new QueueClientOptions();
        _context = QueueContexts.Token(queueUri, credential, options);
        _encoding = options.MessageEncoding;
    }

    internal QueueClient(Uri queueUri, StorageClientContext context, QueueMessageEncoding encoding)
    {
        _uri = queueUri;
        _context = context;
        _encoding = encoding;
    }

    public virtual Uri Uri => _uri;

    protected virtual Uri MessagesUri => StorageUris.AppendPath(_uri, "messages");

    public virtual int MaxPeekableMessages => 32;

    public virtual int MessageMaxBytes => 64 * 1024;

    public virtual string AccountName => _context.SharedKey?.AccountName ?? StorageUris.AccountName(_uri);

    public virtual string Name => StorageUris.ResourceSegments(_uri).FirstOrDefault() ?? "";

    public virtual Response Create(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        CreateCore(metadata, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response> CreateAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        await CreateCore(metadata, true, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates the queue; returns null when it already exists.</summary>
    public virtual Response CreateIfNotExists(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        CreateIfNotExistsCore(metadata, false, cancellationToken).EnsureCompleted()!;

    public virtual async Task<Response> CreateIfNotExistsAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        (await CreateIfNotExistsCore(metadata, true, cancellationToken).ConfigureAwait(false))!;

    public virtual Response<bool> Exists(CancellationToken cancellationToken = default) =>
        ExistsCore(false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default) =>
        await ExistsCore(true, cancellationToken).ConfigureAwait(false);

    public virtual Response Delete(CancellationToken cancellationToken = default) =>
        DeleteCore(false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        await DeleteCore(true, cancellationToken).ConfigureAwait(false);

    public virtual Response<bool> DeleteIfExists(CancellationToken cancellationToken = default) =>
        DeleteIfExistsCore(false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default) =>
        await DeleteIfExistsCore(true, cancellationToken).ConfigureAwait(false);

    public virtual Response<SendReceipt> SendMessage(string messageText) => SendMessage(messageText, null, null);

    public virtual Task<Response<SendReceipt>> SendMessageAsync(string messageText) => SendMessageAsync(messageText, null, null);

    public virtual Response<SendReceipt> SendMessage(string messageText, CancellationToken cancellationToken = default) =>
        SendMessage(messageText, null, null, cancellationToken);

    public virtual Task<Response<SendReceipt>> SendMessageAsync(string messageText, CancellationToken cancellationToken = default) =>
        SendMessageAsync(messageText, null, null, cancellationToken);

    public virtual Response<SendReceipt> SendMessage(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default) =>
        SendCore(BinaryData.FromString(messageText ?? ""), visibilityTimeout, timeToLive, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default) =>
        await SendCore(BinaryData.FromString(messageText ?? ""), visibilityTimeout, timeToLive, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<SendReceipt> SendMessage(BinaryData message, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default) =>
        SendCore(message, visibilityTimeout, timeToLive, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<SendReceipt>> SendMessageAsync(BinaryData message, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default) =>
        await SendCore(message, visibilityTimeout, timeToLive, true, cancellationToken).ConfigureAwait(false);

    public virtual Response<QueueMessage[]> ReceiveMessages() => ReceiveMessages(null, null, CancellationToken.None);

    public virtual Task<Response<QueueMessage[]>> ReceiveMessagesAsync() => ReceiveMessagesAsync(null, null, CancellationToken.None);

    public virtual Response<QueueMessage[]> ReceiveMessages(CancellationToken cancellationToken = default) =>
        ReceiveMessages(null, null, cancellationToken);

    public virtual Task<Response<QueueMessage[]>> ReceiveMessagesAsync(CancellationToken cancellationToken = default) =>
        ReceiveMessagesAsync(null, null, cancellationToken);

    public virtual Response<QueueMessage[]> ReceiveMessages(int? maxMessages = null, TimeSpan? visibilityTimeout = null,
        CancellationToken cancellationToken = default) =>
        ReceiveCore(maxMessages, visibilityTimeout, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(int? maxMessages = null, TimeSpan? visibilityTimeout = null,
        CancellationToken cancellationToken = default) =>
        await ReceiveCore(maxMessages, visibilityTimeout, true, cancellationToken).ConfigureAwait(false);

    /// <summary>One message, or a response whose Value is null when the queue has none visible.</summary>
    public virtual Response<QueueMessage> ReceiveMessage(TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var response = ReceiveCore(1, visibilityTimeout, false, cancellationToken).EnsureCompleted();
        return Response.FromValue(response.Value.FirstOrDefault()!, response.GetRawResponse());
    }

    public virtual async Task<Response<QueueMessage>> ReceiveMessageAsync(TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var response = await ReceiveCore(1, visibilityTimeout, true, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault()!, response.GetRawResponse());
    }

    public virtual Response<PeekedMessage> PeekMessage(CancellationToken cancellationToken = default)
    {
        var response = PeekCore(1, false, cancellationToken).EnsureCompleted();
        return Response.FromValue(response.Value.FirstOrDefault()!, response.GetRawResponse());
    }

    public virtual async Task<Response<PeekedMessage>> PeekMessageAsync(CancellationToken cancellationToken = default)
    {
        var response = await PeekCore(1, true, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault()!, response.GetRawResponse());
    }

    public virtual Response<PeekedMessage[]> PeekMessages(int? maxMessages = null, CancellationToken cancellationToken = default) =>
        PeekCore(maxMessages, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default) =>
        await PeekCore(maxMessages, true, cancellationToken).ConfigureAwait(false);

    public virtual Response DeleteMessage(string messageId, string popReceipt, CancellationToken cancellationToken = default) =>
        DeleteMessageCore(messageId, popReceipt, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) =>
        await DeleteMessageCore(messageId, popReceipt, true, cancellationToken).ConfigureAwait(false);

    /// <summary>Changes a received message's visibility and, when text is given, its content; returns the new pop receipt.</summary>
    public virtual Response<UpdateReceipt> UpdateMessage(string messageId, string popReceipt, string? messageText = null,
        TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        UpdateCore(messageId, popReceipt, messageText is null ? null : BinaryData.FromString(messageText), visibilityTimeout, false, cancellationToken)
            .EnsureCompleted();

    public virtual async Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, string? messageText = null,
        TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        await UpdateCore(messageId, popReceipt, messageText is null ? null : BinaryData.FromString(messageText), visibilityTimeout, true,
            cancellationToken).ConfigureAwait(false);

    public virtual Response<UpdateReceipt> UpdateMessage(string messageId, string popReceipt, BinaryData message,
        TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        UpdateCore(messageId, popReceipt, message, visibilityTimeout, false, cancellationToken).EnsureCompleted();

    public virtual async Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, BinaryData message,
        TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        await UpdateCore(messageId, popReceipt, message, visibilityTimeout, true, cancellationToken).ConfigureAwait(false);

    private static string Seconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private async ValueTask<Response> CreateCore(IDictionary<string, string>? metadata, bool async, CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Put, _uri);
        message.Request.AddMetadata(metadata);
        return await _context.SendAsync(message, async, cancellationToken, 201, 204).ConfigureAwait(false);
    }

    private async ValueTask<Response?> CreateIfNotExistsCore(IDictionary<string, string>? metadata, bool async, CancellationToken cancellationToken)
    {
        try
        {
            var response = await CreateCore(metadata, async, cancellationToken).ConfigureAwait(false);
            return response.Status == 201 ? response : null;
        }
        catch (RequestFailedException ex) when (ex.HasErrorCode("QueueAlreadyExists"))
        {
            return null;
        }
    }

    private async ValueTask<Response<bool>> ExistsCore(bool async, CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Get, _uri);
        message.Request.Uri.AppendQuery("comp", "metadata");
        var response = await _context.SendAsync(message, async, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    private async ValueTask<Response> DeleteCore(bool async, CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Delete, _uri);
        return await _context.SendAsync(message, async, cancellationToken, 204).ConfigureAwait(false);
    }

    private async ValueTask<Response<bool>> DeleteIfExistsCore(bool async, CancellationToken cancellationToken)
    {
        try
        {
            return Response.FromValue(true, await DeleteCore(async, cancellationToken).ConfigureAwait(false));
        }
        catch (RequestFailedException ex) when (ex.HasErrorCode("QueueNotFound"))
        {
            return Response.FromValue(false, ex.GetRawResponse()!);
        }
    }

    private async ValueTask<Response<SendReceipt>> SendCore(BinaryData body, TimeSpan? visibilityTimeout, TimeSpan? timeToLive, bool async,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var message = _context.CreateMessage(RequestMethod.Post, MessagesUri);
        if (visibilityTimeout is { } visibility)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibility));
        }
        if (timeToLive is { } ttl)
        {
            message.Request.Uri.AppendQuery("messagettl", ttl < TimeSpan.Zero ? "-1" : Seconds(ttl));
        }
        message.Request.Content = RequestContent.Create(QueueMessageXml.Body(QueueMessageXml.Encode(body, _encoding)));
        var response = await _context.SendAsync(message, async, cancellationToken, 201).ConfigureAwait(false);
        var sent = QueueMessageXml.Messages(StorageErrorParser.TryReadXml(response)).FirstOrDefault()
            ?? throw new RequestFailedException(response.Status, "Put Message returned no message.");
        return Response.FromValue(QueueMessageXml.ReadSendReceipt(sent), response);
    }

    // A message that doesn't decode with the configured encoding is left out, as the real client does.
    private async ValueTask<Response<QueueMessage[]>> ReceiveCore(int? maxMessages, TimeSpan? visibilityTimeout, bool async,
        CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Get, MessagesUri);
        if (maxMessages is { } max)
        {
            message.Request.Uri.AppendQuery("numofmessages", max.ToString(CultureInfo.InvariantCulture));
        }
        if (visibilityTimeout is { } visibility)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibility));
        }
        var response = await _context.SendAsync(message, async, cancellationToken, 200).ConfigureAwait(false);
        var messages = QueueMessageXml.Messages(StorageErrorParser.TryReadXml(response))
            .Select(m => QueueMessageXml.ReadReceived(m, _encoding)).OfType<QueueMessage>().ToArray();
        return Response.FromValue(messages, response);
    }

    private async ValueTask<Response<PeekedMessage[]>> PeekCore(int? maxMessages, bool async, CancellationToken cancellationToken)
    {
        var message = _context.CreateMessage(RequestMethod.Get, MessagesUri);
        message.Request.Uri.AppendQuery("peekonly", "true");
        if (maxMessages is { } max)
        {
            message.Request.Uri.AppendQuery("numofmessages", max.ToString(CultureInfo.InvariantCulture));
        }
        var response = await _context.SendAsync(message, async, cancellationToken, 200).ConfigureAwait(false);
        var messages = QueueMessageXml.Messages(StorageErrorParser.TryReadXml(response))
            .Select(m => QueueMessageXml.ReadPeeked(m, _encoding)).OfType<PeekedMessage>().ToArray();
        return Response.FromValue(messages, response);
    }

    private HttpMessage MessageIdMessage(RequestMethod method, string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var message = _context.CreateMessage(method, StorageUris.AppendPath(MessagesUri, StorageUris.EscapeSegment(messageId)));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        return message;
    }

    private async ValueTask<Response> DeleteMessageCore(string messageId, string popReceipt, bool async, CancellationToken cancellationToken)
    {
        var message = MessageIdMessage(RequestMethod.Delete, messageId, popReceipt);
        return await _context.SendAsync(message, async, cancellationToken, 204).ConfigureAwait(false);
    }

    private async ValueTask<Response<UpdateReceipt>> UpdateCore(string messageId, string popReceipt, BinaryData? body, TimeSpan visibilityTimeout,
        bool async, CancellationToken cancellationToken)
    {
        var message = MessageIdMessage(RequestMethod.Put, messageId, popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout));
        if (body is not null)
        {
            message.Request.Content = RequestContent.Create(QueueMessageXml.Body(QueueMessageXml.Encode(body, _encoding)));
        }
        var response = await _context.SendAsync(message, async, cancellationToken, 204).ConfigureAwait(false);
        return Response.FromValue(new UpdateReceipt
        {
            PopReceipt = response.Header("x-ms-popreceipt") ?? "",
            NextVisibleOn = response.DateHeader("x-ms-time-next-visible"),
        }, response);
    }
}
