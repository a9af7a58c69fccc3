using OrgFunctions.Storage;

namespace OrgFunctions.Templates;

/// <summary>A template's row in its tree's partition (RowKey <c>tpl:{orgId}:{templateId}</c>); <see cref="TemplateRow"/> maps it.</summary>
public sealed class TemplateEntity : TableRow
{
    public string Kind { get; set; } = "template";
    public string OrgId { get; set; } = "";
    public string TemplateId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Language { get; set; } = "";
    public string Category { get; set; } = "";
    public string Body { get; set; } = "";
    public string Status { get; set; } = "";
    public string? InheritedFrom { get; set; }
}

/// <summary>Keeps a template's name and language unique in its org (RowKey <c>tname:{orgId}:…</c>), written with the template.</summary>
public sealed class TemplateNameEntity : TableRow
{
    public string Kind { get; set; } = "templatename";
    public string TemplateId { get; set; } = "";
}
