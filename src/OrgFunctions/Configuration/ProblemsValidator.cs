using Microsoft.Extensions.Options;

namespace OrgFunctions.Configuration;

/// <summary>Typed options that can say what is wrong with themselves, one sentence per problem naming the setting.</summary>
public interface IValidatedOptions
{
    IEnumerable<string> Problems();
}

/// <summary>Validates options by their own <see cref="IValidatedOptions.Problems"/>, so a bad setting stops the app at start.</summary>
public sealed class ProblemsValidator<TOptions> : IValidateOptions<TOptions> where TOptions : class, IValidatedOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
