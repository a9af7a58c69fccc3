using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Webhooks;

/// <summary>The webhook HTTP client against a real receiver on 127.0.0.1.</summary>
public class WebhookSenderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task LoopbackIsRefusedAtConnectionTimeUnlessDevelopmentAllowsIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url("guarded", _ => 200);
        var strict = new WebhookApp(azurite, ("Webhooks:AllowHttp", "true"), ("Webhooks:AllowLoopback", "false"));
        var development = new WebhookApp(azurite, ("Webhooks:AllowHttp", "true"), ("Webhooks:AllowLoopback", "true"));

        var refused = await strict.Get<WebhookSender>().SendAsync(Subscription(url), "msg_1", "{}", 1, default);
        var byName = await strict.Get<WebhookSender>().SendAsync(Subscription(url.Replace("127.0.0.1", "localhost")), "msg_1", "{}", 1, default);
        var allowed = await development.Get<WebhookSender>().SendAsync(Subscription(url), "msg_1", "{}", 1, default);

        Assert.Null(refused.StatusCode);
        Assert.Contains("loopback", refused.Error);
        Assert.Contains("loopback", byName.Error); // resolved by DNS at connection time, then refused
        Assert.Equal(200, allowed.StatusCode);
        Assert.Single(receiver.At("guarded"));
    }

    [Theory]
    [InlineData("::127.0.0.1")]
    [InlineData("::ffff:0:127.0.0.1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe")]
    [InlineData("::169.254.169.254")]
    public async Task AnIPv6FormWrappingAnInternalAddressIsRefusedAtConnectionTimeEvenWhenLoopbackIsAllowed(string address)
    {
        var development = new WebhookApp(azurite, ("Webhooks:AllowHttp", "true"), ("Webhooks:AllowLoopback", "true"));

        var result = await development.Get<WebhookSender>().SendAsync(Subscription($"http://[{address}]:8080/hook"), "msg_1", "{}", 1, default);

        Assert.Null(result.StatusCode);
        Assert.StartsWith("refused: the endpoint resolves to a", result.Error); // by the guard, not a failed connection
    }

    [Fact]
    public async Task RedirectsAreNotFollowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var target = receiver.Url("target", _ => 200);
        var url = receiver.Url("moved", (_, context) =>
        {
            context.Response.Headers.Location = target;
            return Task.FromResult(307);
        });
        var app = new WebhookApp(azurite, ("Webhooks:AllowHttp", "true"), ("Webhooks:AllowLoopback", "true"));

        var result = await app.Get<WebhookSender>().SendAsync(Subscription(url), "msg_1", "{}", 1, default);

        Assert.Equal(307, result.StatusCode);
        Assert.Empty(receiver.At("target"));
    }

    [Fact]
    public async Task ASlowReceiverIsATimeoutAndALargeAnswerIsReadOnlyInPart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var slow = receiver.Url("slow", async (_, context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { });
            return 200;
        });
        // An answer that never ends (until the sender goes, or 64 GB): a 200 proves the sender stopped reading part-way,
        // since reading it all would run into the one-second timeout. (Counting the bytes written was racy: Kestrel may
        // accept writes for a moment after the client has gone.)
        var large = receiver.Url("large", async (_, context) =>
        {
            context.Response.StatusCode = 200;
            var chunk = new byte[64 * 1024];
            try
            {
                for (var i = 0; i < 1024 * 1024 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
            }
            return 200;
        });
        var app = new WebhookApp(azurite, ("Webhooks:AllowHttp", "true"), ("Webhooks:AllowLoopback", "true"), ("Webhooks:Timeout", "00:00:01"));
        var sender = app.Get<WebhookSender>();

        var timedOut = await sender.SendAsync(Subscription(slow), "msg_1", "{}", 1, default);
        var answered = await sender.SendAsync(Subscription(large), "msg_2", "{}", 1, default);

        Assert.Null(timedOut.StatusCode);
        Assert.StartsWith("timeout", timedOut.Error);
        Assert.Equal(200, answered.StatusCode);
        Assert.Null(answered.Error);
    }

    [Fact]
    public async Task EveryRequestCarriesStandardWebhooksHeadersThatVerify()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var app = new WebhookApp(azurite, ("Webhooks:AllowHttp", "true"), ("Webhooks:AllowLoopback", "true"));
        var subscription = Subscription(receiver.Url("signed", _ => 204));
        var old = subscription.Secret;
        subscription.RotateSecret(DateTimeOffset.UtcNow);

        await app.Get<WebhookSender>().SendAsync(subscription, "msg_signed", "{\"type\":\"org.updated\"}", 1, default);

        var received = Assert.Single(receiver.At("signed"));
        Assert.Equal("msg_signed", received.Id);
        Assert.Equal(2, received.Signature.Split(' ').Length);
        Assert.True(StandardWebhooksVerifier.Verifies(subscription.Secret, received));
        Assert.True(StandardWebhooksVerifier.Verifies(old, received));
        var (verified, failures) = await NodeVerifier.VerifyAsync([received], old.Text);
        Assert.True(verified == 1, failures);
    }

    private static WebhookSubscription Subscription(string url) => new()
    {
        Id = WebhookSubscription.NewId(),
        OrgPath = OrgPath.Root(OrgId.New()),
        Url = EndpointUrl.Parse(url, allowHttp: true),
        Selection = new EventSelection(["*"], true),
        Secret = WebhookSecret.Generate(),
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
