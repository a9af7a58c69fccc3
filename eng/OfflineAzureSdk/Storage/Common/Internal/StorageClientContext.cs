using Azure.Core;
using Azure.Core.Pipeline;

namespace Azure.Storage.Internal;

/// <summary>
/// What every client of one service shares: its pipeline (retries, auth, x-ms-version) and
/// how to send one request and turn an unexpected status into a RequestFailedException.
/// Child clients (container → blob, service → queue) reuse their parent's context.
/// </summary>
internal sealed class StorageClientContext
{
    private const string StorageScope = "https://storage.azure.com/.default";

    private StorageClientContext(HttpPipeline pipeline, string serviceVersion, StorageSharedKeyCredential? sharedKey)
    {
        Pipeline = pipeline;
        ServiceVersion = serviceVersion;
        SharedKey = sharedKey;
    }

    public HttpPipeline Pipeline { get; }
    public string ServiceVersion { get; }
    public StorageSharedKeyCredential? SharedKey { get; }

    public static StorageClientContext Create(ClientOptions options, string serviceVersion, StorageSharedKeyCredential? sharedKey)
    {
        HttpPipelinePolicy? auth = sharedKey is null ? null : new SharedKeySigningPolicy(sharedKey);
        return Create(options, serviceVersion, auth, sharedKey);
    }

    public static StorageClientContext Create(ClientOptions options, string serviceVersion, TokenCredential credential, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (!string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Cannot use TokenCredential without HTTPS.", nameof(uri));
        }
        return Create(options, serviceVersion, new BearerTokenAuthenticationPolicy(credential, StorageScope), null);
    }

    public static StorageClientContext CreateSas(ClientOptions options, string serviceVersion, string sas) =>
        Create(options, serviceVersion, new SasQueryPolicy(sas), null);

    private static StorageClientContext Create(ClientOptions options, string serviceVersion, HttpPipelinePolicy? auth,
        StorageSharedKeyCredential? sharedKey)
    {
        var pipelineOptions = new HttpPipelineOptions(options)
        {
            RequestFailedDetailsParser = StorageErrorParser.Instance,
        };
        pipelineOptions.PerCallPolicies.Add(new StorageHeaderPolicy(serviceVersion));
        if (auth is not null)
        {
            pipelineOptions.PerRetryPolicies.Add(auth);
        }
        return new StorageClientContext(HttpPipelineBuilder.Build(pipelineOptions), serviceVersion, sharedKey);
    }

    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        return message;
    }

    /// <summary>Sends and returns the response when its status is one of <paramref name="expected"/>.</summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, bool async, CancellationToken cancellationToken, params int[] expected)
    {
        if (async)
        {
            await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Pipeline.Send(message, cancellationToken);
        }
        var response = message.Response;
        if (Array.IndexOf(expected, response.Status) < 0)
        {
            throw await StorageErrors.CreateAsync(response, async, cancellationToken).ConfigureAwait(false);
        }
        return response;
    }
}
