using System.Text;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Http;

namespace OrgFunctions.LocalHost.Hosting;

/// <summary>The list of functions and where they listen, in the style of <c>func start</c>.</summary>
internal static class StartupBanner
{
    public static string Describe(IEnumerable<LocalFunction> functions, Uri baseAddress, string routePrefix)
    {
        var text = new StringBuilder("Functions:").AppendLine().AppendLine();
        foreach (var function in functions)
        {
            text.Append('\t').Append(function.Name).Append(": ");
            if (function.Trigger is HttpTriggerAttribute)
            {
                var route = HttpRoute.For(function, routePrefix);
                var methods = route.Methods is null ? "GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS" : string.Join(',', route.Methods);
                text.Append('[').Append(methods).Append("] ").Append(new Uri(baseAddress, route.Pattern.TrimStart('/')));
            }
            else
            {
                var kind = function.Trigger.GetType().Name;
                kind = kind.EndsWith("Attribute", StringComparison.Ordinal) ? kind[..^"Attribute".Length] : kind;
                text.Append(char.ToLowerInvariant(kind[0])).Append(kind[1..]);
            }
            text.AppendLine().AppendLine();
        }
        return text.ToString();
    }
}
