using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.OrgItems;

namespace OrgFunctions.Templates;

public static class TemplatesServiceCollectionExtensions
{
    /// <summary>WhatsApp templates of an org. Needs <see cref="OrgFunctionsServiceCollectionExtensions.AddOrgManagement"/>.</summary>
    public static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        services.AddOrgItems();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<TemplateService>();
        return services;
    }
}
