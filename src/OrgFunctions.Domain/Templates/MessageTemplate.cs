using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Templates;

/// <summary>
/// A WhatsApp message template of one org. A sub-org starts with copies of its parent's templates (same ids), each
/// remembering the org it was copied from; changing a copy makes it the org's own.
/// </summary>
public sealed class MessageTemplate
{
    private MessageTemplate(string id, TemplateName name, TemplateLanguage language, TemplateCategory category, TemplateBody body,
        TemplateStatus status, OrgId? inheritedFrom)
    {
        Id = id;
        Name = name;
        Language = language;
        Category = category;
        Body = body;
        Status = status;
        InheritedFrom = inheritedFrom;
    }

    public string Id { get; }
    public TemplateName Name { get; private set; }
    public TemplateLanguage Language { get; private set; }
    public TemplateCategory Category { get; private set; }
    public TemplateBody Body { get; private set; }
    public TemplateStatus Status { get; private set; }

    /// <summary>The org this template was copied from when its org was provisioned, until it is changed locally.</summary>
    public OrgId? InheritedFrom { get; private set; }

    public static MessageTemplate Create(string id, TemplateName name, TemplateLanguage language, TemplateCategory category,
        TemplateBody body, TemplateStatus status = TemplateStatus.Pending)
    {
        if (!ItemIds.IsWellFormed(id))
        {
            throw new DomainException("A template id may hold only letters, digits, '-' and '_'.");
        }
        return new MessageTemplate(id, name, language, category, body, status, null);
    }

    public static MessageTemplate Restore(string id, TemplateName name, TemplateLanguage language, TemplateCategory category,
        TemplateBody body, TemplateStatus status, OrgId? inheritedFrom) =>
        new(id, name, language, category, body, status, inheritedFrom);

    /// <summary>The copy a child org starts with: same id and content, inherited from <paramref name="parentId"/> (or further up).</summary>
    public MessageTemplate CopyFor(OrgId parentId) => new(Id, Name, Language, Category, Body, Status, InheritedFrom ?? parentId);

    /// <summary>The key two templates of one org must not share: WhatsApp identifies a template by name and language.</summary>
    public string UniquenessKey => Name.Value + ":" + Language.Value;

    public void Change(TemplateName name, TemplateLanguage language, TemplateCategory category, TemplateBody body, TemplateStatus status)
    {
        Name = name;
        Language = language;
        Category = category;
        Body = body;
        Status = status;
        InheritedFrom = null;
    }
}
