namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>The SameSite attribute of a cookie.</summary>
public enum SameSite
{
    None = 0,
    Lax = 1,
    Strict = 2,
    ExplicitNone = 3,
}
