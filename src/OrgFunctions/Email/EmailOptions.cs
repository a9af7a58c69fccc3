using System.Net;
using MimeKit;

namespace OrgFunctions.Email;

/// <summary>
/// The configuration section <c>Email</c> (environment <c>Email__Host</c>, ...): the SMTP server the outbox sends through.
/// The defaults are the local development server that <c>./run.sh</c> starts (smtp4dev on 127.0.0.1:2525).
/// </summary>
public sealed class EmailOptions : OrgFunctions.Configuration.IValidatedOptions
{
    public const string Section = "Email";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 2525;

    /// <summary><see cref="EmailTlsMode.StartTls"/> (port 587) or <see cref="EmailTlsMode.SslOnConnect"/> (465); <c>None</c> only to a loopback host.</summary>
    public EmailTlsMode TlsMode { get; set; } = EmailTlsMode.None;

    /// <summary>Empty: no authentication (the development server).</summary>
    public string Username { get; set; } = "";

    /// <summary>A Key Vault reference in Azure; never logged.</summary>
    public string Password { get; set; } = "";

    public string FromAddress { get; set; } = "no-reply@orgfunctions.localhost";

    public string FromName { get; set; } = "OrgFunctions";

    /// <summary>NCRONTAB with seconds: how often the dispatcher sends what the outbox holds.</summary>
    public string DispatchSchedule { get; set; } = "*/5 * * * * *";

    /// <summary>The waits before each attempt (count = attempts), as <c>Webhooks:RetrySchedule</c>.</summary>
    public string RetrySchedule { get; set; } = "0, 30s, 2m, 10m, 30m, 1h, 2h, 4h";

    /// <summary>Connect, authenticate and send, per message.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent and failed rows are kept this long (their bodies are dropped when they finish), then deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>At most this many emails are sent per tree per run (the rest wait for the next run).</summary>
    public int MaxPerTreePerRun { get; set; } = 100;

    public Domain.Webhooks.RetrySchedule Schedule => Domain.Webhooks.RetrySchedule.Parse(RetrySchedule);

    /// <summary>
    /// How long a claimed email is left alone before another run may send it again (the sender crashed): longer than a
    /// send can take, so two runs never send it at once.
    /// </summary>
    public TimeSpan ClaimFor => Timeout * 2 + TimeSpan.FromSeconds(30);

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            yield return "Email:Host is required.";
        }
        if (Port is < 1 or > 65535)
        {
            yield return "Email:Port must be from 1 to 65535.";
        }
        if (!Enum.IsDefined(TlsMode))
        {
            yield return "Email:TlsMode must be None, StartTls or SslOnConnect.";
        }
        else if (TlsMode == EmailTlsMode.None && !IsLoopback(Host))
        {
            // Credentials and the links in emails (they carry tokens) never cross a network in clear text.
            yield return "Email:TlsMode None is allowed only for a loopback Host; use StartTls or SslOnConnect.";
        }
        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            yield return "Email:Username and Email:Password are set together or not at all.";
        }
        if (!MailboxAddress.TryParse(FromAddress, out var from) || from.Address != FromAddress.Trim() || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            yield return "Email:FromAddress is not an email address.";
        }
        if (FromName.Any(char.IsControl))
        {
            yield return "Email:FromName may not contain control characters.";
        }
        if (Timeout <= TimeSpan.Zero || Retention <= TimeSpan.Zero || MaxPerTreePerRun < 1)
        {
            yield return "Email:Timeout, Retention and MaxPerTreePerRun must be positive.";
        }
        string? scheduleProblem = null;
        try
        {
            _ = Schedule;
        }
        catch (Exception ex) when (ex is Domain.DomainException or FormatException or OverflowException)
        {
            scheduleProblem = "Email:RetrySchedule is not a list of delays (e.g. \"0, 30s, 2m, 10m\").";
        }
        if (scheduleProblem is not null)
        {
            yield return scheduleProblem;
        }
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}

/// <summary>How the SMTP connection is secured (MailKit's <c>SecureSocketOptions</c>, without its guessing "Auto").</summary>
public enum EmailTlsMode
{
    None,
    StartTls,
    SslOnConnect,
}
