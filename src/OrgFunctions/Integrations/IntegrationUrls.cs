using System.Text.Json.Nodes;
using OrgFunctions.Application;
using OrgFunctions.Domain.Integrations;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Integrations;

/// <summary>
/// A URL setting is a URL the platform will call, so it answers to the webhook rules (DESIGN §6): <see cref="OrgFunctions.Domain.Webhooks.EndpointUrl"/>
/// (https unless <c>Webhooks:AllowHttp</c>; no credentials, no fragment) and <see cref="EndpointGuard"/> (every address
/// its host resolves to public; loopback only under <c>Webhooks:AllowLoopback</c>). The same checker, not a second one.
/// </summary>
public sealed class IntegrationUrls(EndpointGuard guard)
{
    /// <summary>The URL settings among <paramref name="names"/> that fail, each as <c>settings.&lt;name&gt;</c>; null when none does.</summary>
    public async Task<Failure?> ProblemsAsync(IntegrationType type, JsonObject settings, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        foreach (var name in type.UrlSettings.Intersect(names, StringComparer.Ordinal))
        {
            if (settings[name]?.GetValue<string>() is not { } text)
            {
                continue;
            }
            if ((await guard.CheckAsync(text, cancellationToken)).Problem is { } problem)
            {
                errors.Add("settings." + name, problem);
            }
        }
        return errors.Any ? new Failure.Invalid(errors) : null;
    }
}
