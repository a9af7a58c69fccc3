using Microsoft.Extensions.Configuration;

namespace OrgFunctions.Configuration;

/// <summary>
/// Reads a Functions connection the way the host does: <c>Name</c> is a connection string, while
/// <c>Name__property</c> (environment variables) or <c>Name:property</c> (JSON) describe an identity-based one.
/// </summary>
internal static class ConnectionSettings
{
    public static string? Value(IConfiguration configuration, string name) => Blank(configuration[name]);

    public static string? Property(IConfiguration configuration, string name, string property) =>
        Blank(configuration[$"{name}:{property}"]) ?? Blank(configuration[$"{name}__{property}"]);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
