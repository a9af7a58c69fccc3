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
    public static TemplateStatus Parse(string? value) => value switch
    {
        "PENDING" => TemplateStatus.Pending,
        "APPROVED" => TemplateStatus.Approved,
        "REJECTED" => TemplateStatus.Rejected,
        _ => throw new DomainException("A template status must be PENDING, APPROVED or REJECTED."),
    };

    public static string ToApi(this TemplateStatus status) => status.ToString().ToUpperInvariant();
}
