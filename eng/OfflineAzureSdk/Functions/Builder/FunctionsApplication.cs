namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>Entry point of an isolated worker app (Microsoft.Azure.Functions.Worker).</summary>
public class FunctionsApplication
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) => new(args);
}
