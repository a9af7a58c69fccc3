using System.Diagnostics.CodeAnalysis;

namespace OrgFunctions.Domain.Templates;

/// <summary>Where a template stands in WhatsApp's review: new templates are pending until approved or rejected.</summary>
public enum TemplateStatus
{
    Pending,
    Approved,
    Rejected,
}

public static class TemplateStatuses
{
    public static TemplateStatus Parse(string? value) =>
        TryParse(value, out var status, out var error) ? status : throw new DomainException(error);

    /// <summary>The status, or why <paramref name="value"/> isn't one (the reason a request's field is refused with).</summary>
    public static bool TryParse(string? value, out TemplateStatus status, [NotNullWhen(false)] out string? error)
    {
        TemplateStatus? parsed = value switch
        {
            "PENDING" => TemplateStatus.Pending,
            "APPROVED" => TemplateStatus.Approved,
            "REJECTED" => TemplateStatus.Rejected,
            _ => null,
        };
        status = parsed ?? default;
        error = parsed is null ? "A template status must be PENDING, APPROVED or REJECTED." : null;
        return parsed is not null;
    }

    public static string ToApi(this TemplateStatus status) => status.ToString().ToUpperInvariant();
}
