namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>ASP.NET Core integration (Worker.Extensions.Http.AspNetCore).</summary>
public static class FunctionsApplicationBuilderAspNetCoreExtensions
{
    /// <summary>Offline this records nothing: the local host always serves HTTP through ASP.NET Core.</summary>
    public static FunctionsApplicationBuilder ConfigureFunctionsWebApplication(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
