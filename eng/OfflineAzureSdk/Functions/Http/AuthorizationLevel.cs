namespace Microsoft.Azure.Functions.Worker;

/// <summary>The key an HTTP function requires (Worker.Extensions.Http).</summary>
public enum AuthorizationLevel
{
    Anonymous = 0,
    User = 1,
    Function = 2,
    System = 3,
    Admin = 4,
}
