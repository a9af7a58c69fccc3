using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Templates;

public static class TemplatesServiceCollectionExtensions
{
    /// <summary>WhatsApp templates of an org. Needs <see cref="OrgFunctionsServiceCollectionExtensions.AddOrgManagement"/>.</summary>
    public static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<TemplateService>();
        return services;
    }
}
