using OrgFunctions.Domain.Text;

namespace OrgFunctions.Http;

/// <summary>Free-text fields read under the one text policy (ADR 0013): a field it refuses is named with the reason.</summary>
public static class TextFields
{
    public static string? Text(this JsonObjectReader body, string name, TextLines lines = TextLines.Single, bool required = false,
        int minLength = 0, int maxLength = int.MaxValue)
    {
        var value = body.String(name, required, minLength, maxLength);
        if (value is not null && TextPolicy.Problem(value, lines) is { } problem)
        {
            body.Errors.Add(body.PathOf(name), problem);
            return null;
        }
        return value;
    }
}
