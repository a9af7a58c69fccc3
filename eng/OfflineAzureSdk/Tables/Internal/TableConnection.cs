using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Internal;

namespace Azure.Data.Tables.Internal;

/// <summary>
/// One account's table endpoint, pipeline (retries from ClientOptions, then SharedKey, bearer or SAS auth) and
/// service version: shared by a TableServiceClient and the TableClients it hands out.
/// </summary>
internal sealed class TableConnection
{
    public const string StorageScope = "https://storage.azure.com/.default";
    public const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";

    private TableConnection(Uri serviceUri, string accountName, HttpPipeline pipeline, string version)
    {
        ServiceUri = serviceUri;
        AccountName = accountName;
        Pipeline = pipeline;
        Version = version;
    }

    public Uri ServiceUri { get; }
    public string AccountName { get; }
    public HttpPipeline Pipeline { get; }
    public string Version { get; }

    public static TableConnection FromConnectionString(string connectionString, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parsed = StorageConnectionString.Parse(connectionString);
        if (parsed.AccountKey is not null)
        {
            return Create(parsed.TableEndpoint, new TableSharedKeyPolicy(new TableSharedKeyCredential(parsed.AccountName, parsed.AccountKey)),
                parsed.AccountName, options);
        }
        return Create(parsed.TableEndpoint, new SasQueryPolicy(parsed.SharedAccessSignature!), parsed.AccountName, options);
    }

    public static TableConnection FromSharedKey(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return Create(endpoint, new TableSharedKeyPolicy(credential), credential.AccountName, options);
    }

    public static TableConnection FromToken(Uri endpoint, TokenCredential credential, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return Create(endpoint, new BearerTokenAuthenticationPolicy(credential, StorageScope), null, options);
    }

    private static TableConnection Create(Uri endpoint, HttpPipelinePolicy auth, string? accountName, TableClientOptions? options)
    {
        options ??= new TableClientOptions();
        var serviceUri = new Uri(endpoint.AbsoluteUri.TrimEnd('/'));
        var pipeline = HttpPipelineBuilder.Build(new HttpPipelineOptions(options)
        {
            PerRetryPolicies = { auth },
            RequestFailedDetailsParser = TableErrorParser.Instance,
        });
        return new TableConnection(serviceUri, accountName ?? AccountNameOf(serviceUri), pipeline, options.Version);
    }

    /// <summary>https://account.table.core.windows.net → "account"; http://127.0.0.1:10002/account → "account".</summary>
    private static string AccountNameOf(Uri uri)
    {
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback)
        {
            return uri.AbsolutePath.Trim('/').Split('/')[0];
        }
        return uri.Host.Split('.')[0];
    }

    /// <summary>A request to "{endpoint}/{path}" with the headers every Table request carries.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string escapedPath)
    {
        var message = Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(ServiceUri);
        request.Uri.AppendPath("/" + escapedPath, escape: false);
        request.Headers.SetValue("x-ms-version", Version);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", JsonMinimalMetadata);
        return message;
    }

    public static void SetJsonContent(HttpMessage message, byte[] json)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(json);
    }

    public async ValueTask<Response> SendAsync(HttpMessage message, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Pipeline.Send(message, cancellationToken);
        }
        return message.Response;
    }

    /// <summary>Sends, and throws RequestFailedException (status and error code) unless the status is expected.</summary>
    public async ValueTask<Response> SendExpectingAsync(HttpMessage message, bool async, CancellationToken cancellationToken,
        params HttpStatusCode[] allowedErrors)
    {
        var response = await SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        if (response.IsError && !allowedErrors.Contains((HttpStatusCode)response.Status))
        {
            throw new RequestFailedException(response, null, TableErrorParser.Instance);
        }
        return response;
    }

    /// <summary>The path of one entity: keys single-quoted with quotes doubled, then URL-encoded.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"{Uri.EscapeDataString(table)}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
