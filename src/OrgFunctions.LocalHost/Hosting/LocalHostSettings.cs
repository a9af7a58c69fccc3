using Microsoft.Extensions.Configuration;

namespace OrgFunctions.LocalHost.Hosting;

/// <summary>
/// The local host's own settings (configuration section <c>LocalHost</c>): port, route prefix, the admin endpoint flag and
/// extra function assemblies. Command-line <c>--port</c>, <c>--enable-admin</c> and <c>--functions-assembly</c> land here too.
/// </summary>
public sealed class LocalHostSettings
{
    public const string Section = "LocalHost";
    public const int DefaultPort = 7071;

    /// <summary>Kestrel's port on 127.0.0.1; 0 picks a free one (see <see cref="LocalFunctionsHost.BaseAddress"/>).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>The HTTP route prefix; from host.json's extensions.http.routePrefix when not set; "api" when neither says.</summary>
    public string? RoutePrefix { get; set; }

    /// <summary>
    /// Maps the admin endpoint (<c>POST /admin/functions/{name}</c>, which runs any non-HTTP function without a key). Off
    /// unless asked for with <c>--enable-admin</c> or <c>LocalHost:EnableAdminEndpoints=true</c>: a development flag.
    /// </summary>
    public bool EnableAdminEndpoints { get; set; }

    /// <summary>
    /// Serves a stand-in of the payment vault's gateway API under <c>/local-vault/</c> (<see cref="PaymentVaultStandIn"/>),
    /// for <c>./run.sh</c> (which turns it on with <c>--LocalHost:PaymentVaultStandIn=true</c>). A development flag: off
    /// unless asked for.
    /// </summary>
    public bool PaymentVaultStandIn { get; set; }

    /// <summary>Assemblies searched for functions besides the app's own (paths).</summary>
    public List<string> FunctionsAssemblies { get; set; } = [];

    internal static LocalHostSettings From(IConfiguration configuration)
    {
        var settings = new LocalHostSettings();
        configuration.GetSection(Section).Bind(settings);
        settings.RoutePrefix ??= RoutePrefixFromHostJson() ?? "api";
        return settings;
    }

    private static string? RoutePrefixFromHostJson() => HostJson.FindString("extensions", "http", "routePrefix");
}
