using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OrgFunctions.Email;

namespace OrgFunctions.Functions.Email;

/// <summary>Every few seconds (Email:DispatchSchedule): the email outbox → SMTP.</summary>
public sealed class EmailDispatchFunction(EmailDispatcher dispatcher, ILogger<EmailDispatchFunction> logger)
{
    [Function(nameof(DispatchEmails))]
    public async Task DispatchEmails([TimerTrigger("%Email:DispatchSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await dispatcher.RunAsync(cancellationToken);
        if (result.Sent + result.Retrying + result.Failed > 0)
        {
            logger.LogInformation("Email dispatch: {Sent} sent, {Retrying} retrying, {Failed} failed, of {Trees} trees",
                result.Sent, result.Retrying, result.Failed, result.Trees);
        }
    }
}
