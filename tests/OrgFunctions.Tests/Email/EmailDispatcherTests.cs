using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Storage;
using OrgFunctions.Email;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Email;

/// <summary>
/// Emails queued in a change's transaction reach a real SMTP server once, off the request path. One class, so its tests
/// run one at a time: a whole run of the dispatcher (the timer's) sends every tree's due emails, other tests' included.
/// </summary>
public class EmailDispatcherTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Token = "tok_3f9c1d7e5b2a4c6e8f0a1b3c5d7e9f1a";

    private static EmailMessage Invitation(string to = "ada@example.com") => EmailMessage.Create(to, "Ada Lovelace",
        "You're invited to Acme", $"Accept: https://app.example/invitations/{Token}",
        $"<p><a href=\"https://app.example/invitations/{Token}\">Accept</a></p>");

    /// <summary>A change (a row of the tree's partition) and its email, in one transaction as a service would write them.</summary>
    private static async Task<(string Tree, string EmailId, WriteResult Write)> ChangeWithEmailAsync(EmailApp app, EmailMessage? message = null)
    {
        var (root, _) = await app.Orgs.Trees.RootAsync();
        var tree = root.Org.Id.Value;
        var emailId = EmailOutbox.NewId();
        var write = await app.Get<OrgStore>().SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(tree, "test:" + emailId) { ["Kind"] = "test" }),
            app.Outbox.Add(tree, message ?? Invitation(), emailId),
        ], default);
        return (tree, emailId, write);
    }

    [Fact]
    public async Task AnEmailQueuedWithAChangeArrivesOnceWithItsSubjectBodyAndRecipient()
    {
        await using var receiver = await SmtpReceiver.StartAsync();
        var app = new EmailApp(azurite, receiver.Port);
        var (tree, emailId, write) = await ChangeWithEmailAsync(app);
        Assert.True(write.Applied);

        // Whole runs (every marked tree), as the timer makes them: they may also send what other tests left pending.
        await app.Dispatcher.RunAsync(default);
        await app.Dispatcher.RunAsync(default);

        var email = Assert.Single(receiver.Received, e => e.MessageId == $"{emailId}@orgfunctions.localhost");
        Assert.Equal("ada@example.com", email.To);
        Assert.Equal("no-reply@orgfunctions.localhost", email.From);
        Assert.Equal("You're invited to Acme", email.Subject);
        Assert.Contains(Token, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(Token, email.HtmlBody, StringComparison.Ordinal);
        var row = Assert.Single(await app.RowsAsync(tree));
        Assert.Equal("sent", row.GetString("Status"));
        Assert.Null(row.GetString("TextBody"));
        Assert.Null(row.GetString("HtmlBody"));
    }

    [Fact]
    public async Task TheBodiesAreEncryptedAtRestWhileTheEmailWaits()
    {
        var app = new EmailApp(azurite, 1);
        var (tree, _, _) = await ChangeWithEmailAsync(app);

        var row = Assert.Single(await app.RowsAsync(tree));
        Assert.Equal("pending", row.GetString("Status"));
        Assert.StartsWith(OrgFunctions.Secrets.SecretCodec.Prefix, row.GetString("TextBody"), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, row.GetString("TextBody"), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, row.GetString("HtmlBody"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeThatIsNotStoredQueuesNoEmail()
    {
        var app = new EmailApp(azurite, 1);
        var (tree, emailId, _) = await ChangeWithEmailAsync(app);

        // The same change again: its row exists, so the transaction fails as a whole.
        var again = await app.Get<OrgStore>().SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(tree, "test:" + emailId) { ["Kind"] = "test" }),
            app.Outbox.Add(tree, Invitation("grace@example.com")),
        ], default);

        Assert.False(again.Applied);
        Assert.Equal("ada@example.com", Assert.Single(await app.RowsAsync(tree)).GetString("To"));
    }

    [Fact]
    public async Task ASecondDeliveryOfTheSameEmailDoesNotSendItAgain()
    {
        await using var receiver = await SmtpReceiver.StartAsync();
        var app = new EmailApp(azurite, receiver.Port);
        var (tree, _, _) = await ChangeWithEmailAsync(app);
        var asRead = Assert.Single(await app.EntitiesAsync(tree));

        await using var smtp = new SmtpSession(app.Get<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value);
        var first = await app.Dispatcher.DeliverAsync(asRead, smtp, default);
        // Delivered again, from the same read (a second run racing the first) and from a fresh one.
        var fromSameRead = await app.Dispatcher.DeliverAsync(asRead, smtp, default);
        var fromFreshRead = await app.Dispatcher.DeliverAsync(Assert.Single(await app.EntitiesAsync(tree)), smtp, default);

        Assert.Equal(EmailStatus.Sent, first);
        Assert.Null(fromSameRead);
        Assert.Null(fromFreshRead);
        Assert.Single(receiver.Received);
        Assert.Equal(1, receiver.Offered);
    }

    [Fact]
    public async Task AServerThatRefusesThenAcceptsGetsTheEmailOnceAfterARetry()
    {
        await using var receiver = await SmtpReceiver.StartAsync();
        receiver.Answer = n => n == 1 ? 451 : 250;
        var app = new EmailApp(azurite, receiver.Port, ("Email:RetrySchedule", "0, 0, 0"));
        var (tree, _, _) = await ChangeWithEmailAsync(app);

        var firstRun = await app.DispatchAsync(tree);
        var afterRefusal = Assert.Single(await app.RowsAsync(tree));
        var secondRun = await app.DispatchAsync(tree);
        await app.DispatchAsync(tree);

        Assert.Equal(1, firstRun.Retrying);
        Assert.Equal("pending", afterRefusal.GetString("Status"));
        Assert.StartsWith("smtp-451", afterRefusal.GetString("LastError"), StringComparison.Ordinal);
        Assert.Equal(1, secondRun.Sent);
        Assert.Single(receiver.Received);
        Assert.Equal(2, receiver.Offered);
        var row = Assert.Single(await app.RowsAsync(tree));
        Assert.Equal("sent", row.GetString("Status"));
        Assert.Equal(2, row.GetInt32("Attempts"));
    }

    [Fact]
    public async Task ARetryWaitsForItsDelay()
    {
        await using var receiver = await SmtpReceiver.StartAsync();
        receiver.Answer = n => n == 1 ? 451 : 250;
        var app = new EmailApp(azurite, receiver.Port, ("Email:RetrySchedule", "0, 1h"));
        var (tree, _, _) = await ChangeWithEmailAsync(app);

        await app.DispatchAsync(tree);
        await app.DispatchAsync(tree);

        Assert.Empty(receiver.Received);
        Assert.Equal(1, receiver.Offered);
        var row = Assert.Single(await app.RowsAsync(tree));
        Assert.True(row.GetDateTimeOffset("NextAttemptAt") > DateTimeOffset.UtcNow.AddMinutes(45));
    }

    [Fact]
    public async Task AnEmailThatKeepsFailingEndsFailedWithoutItsBodyInAnyLog()
    {
        await using var receiver = await SmtpReceiver.StartAsync();
        receiver.Answer = _ => 451;
        var app = new EmailApp(azurite, receiver.Port, ("Email:RetrySchedule", "0, 0"));
        var (tree, emailId, _) = await ChangeWithEmailAsync(app);

        for (var i = 0; i < 3; i++)
        {
            await app.DispatchAsync(tree);
        }

        Assert.Equal(2, receiver.Offered);
        var row = Assert.Single(await app.RowsAsync(tree));
        Assert.Equal("failed", row.GetString("Status"));
        Assert.Null(row.GetString("TextBody"));
        Assert.Null(row.GetString("HtmlBody"));
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(emailId, StringComparison.Ordinal)
            && l.Contains("failed after 2 attempt(s)", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(Token, StringComparison.Ordinal) || l.Contains("ada@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APermanentRefusalFailsAtOnce()
    {
        await using var receiver = await SmtpReceiver.StartAsync();
        receiver.Answer = _ => 550;
        var app = new EmailApp(azurite, receiver.Port, ("Email:RetrySchedule", "0, 0, 0"));
        var (tree, _, _) = await ChangeWithEmailAsync(app);

        await app.DispatchAsync(tree);
        await app.DispatchAsync(tree);

        Assert.Equal(1, receiver.Offered);
        var row = Assert.Single(await app.RowsAsync(tree));
        Assert.Equal("failed", row.GetString("Status"));
        Assert.StartsWith("smtp-550", row.GetString("LastError"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeIsStoredWhileNoSmtpServerAnswersAndItsEmailGoesOutOnceOneDoes()
    {
        var receiver = await SmtpReceiver.StartAsync();
        var port = receiver.Port;
        await receiver.DisposeAsync();
        var app = new EmailApp(azurite, port, ("Email:RetrySchedule", "0, 0, 0"));

        var (tree, emailId, write) = await ChangeWithEmailAsync(app);
        var whileDown = await app.DispatchAsync(tree);

        Assert.True(write.Applied);
        Assert.NotNull(await app.Get<OrgFunctions.Storage.OrgTables>().Orgs.GetEntityIfExistsAsync<TableEntity>(tree, "test:" + emailId));
        Assert.Contains(await PendingTrees.ListAsync(app.Get<OrgFunctions.Storage.OrgTables>().Index, EmailOutbox.PendingPartition, default),
            mark => mark.RowKey == tree);
        Assert.Equal(1, whileDown.Retrying);

        await using var back = await SmtpReceiver.StartAsync(port);
        await app.DispatchAsync(tree);

        Assert.Equal(emailId + "@orgfunctions.localhost", Assert.Single(back.Received).MessageId);
    }

    [Fact]
    public async Task TheLocalHostsTimerSendsAnEmailTheAppsServicesQueued()
    {
        await using var receiver = await SmtpReceiver.StartAsync();
        await using var host = await AppHost.StartAsync(azurite, null,
            "--Email:DispatchSchedule=*/1 * * * * *", $"--Email:Port={receiver.Port}");
        var (orgId, _) = await host.SignUpAsync();
        var emailId = EmailOutbox.NewId();

        var write = await host.Services.GetRequiredService<OrgStore>().SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(orgId, "test:" + emailId) { ["Kind"] = "test" }),
            host.Services.GetRequiredService<EmailOutbox>().Add(orgId, Invitation(), emailId),
        ], default);

        Assert.True(write.Applied);
        await Eventually.TrueAsync(() => receiver.Received.Any(e => e.MessageId == $"{emailId}@orgfunctions.localhost"), "the email arrives");
        Assert.Single(receiver.Received, e => e.MessageId == $"{emailId}@orgfunctions.localhost");
    }
}
