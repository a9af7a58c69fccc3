using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OrgFunctions.Settings;

namespace OrgFunctions.Functions.Orgs;

/// <summary>Every five minutes, finishes settings propagations that a failure or a crash left half-way.</summary>
public sealed class SettingsPropagationTimer(SettingsPropagator propagator, ILogger<SettingsPropagationTimer> logger)
{
    [Function(nameof(ResumeSettingsPropagation))]
    public async Task ResumeSettingsPropagation([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var resumed = await propagator.ResumeAsync(cancellationToken);
        if (resumed > 0)
        {
            logger.LogInformation("Resumed {Count} settings propagation(s).", resumed);
        }
    }
}
