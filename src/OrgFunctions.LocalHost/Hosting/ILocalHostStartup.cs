using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.LocalHost.Hosting;

/// <summary>
/// Registers the services that the functions of an extra assembly (<c>--functions-assembly</c>) need, as
/// <c>AddOrgFunctions</c> does for the app. The host creates every public implementation it finds in an extra
/// assembly (parameterless constructor) and calls it after <c>AddOrgFunctions</c>.
/// </summary>
public interface ILocalHostStartup
{
    void ConfigureServices(IServiceCollection services, IConfiguration configuration);
}
