using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Templates;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Templates;

/// <summary>
/// An org's WhatsApp templates. Reading needs <c>orgs.read</c>; changing needs <c>settings.manage</c> (templates are
/// inheritable settings). Name + language is unique in an org (a reservation row goes in the template's transaction);
/// every change is stored with its event and is conditional on the template's ETag.
/// </summary>
public sealed class TemplateService(OrgAccess access, TemplateStore templates, OrgStore store, EventFactory events)
{
    public async Task<Outcome<IReadOnlyList<TemplateRecord>>> ListAsync(Caller caller, string orgId, CancellationToken cancellationToken)
    {
        var org = await access.ResolveAsync(caller, orgId, Permission.OrgsRead, cancellationToken);
        return org.Failure is { } failure
            ? failure
            : Outcome<IReadOnlyList<TemplateRecord>>.Success(await templates.ListAsync(org.Value!.Org.Path, cancellationToken));
    }

    public async Task<Outcome<TemplateRecord>> GetAsync(Caller caller, string orgId, string templateId, CancellationToken cancellationToken)
    {
        var org = await access.ResolveAsync(caller, orgId, Permission.OrgsRead, cancellationToken);
        if (org.Failure is { } failure)
        {
            return failure;
        }
        var template = await templates.GetAsync(org.Value!.Org.Path, templateId, cancellationToken);
        return template is null ? new Failure.NotFound("template") : template;
    }

    public async Task<Outcome<TemplateRecord>> CreateAsync(Caller caller, string orgId, TemplateRequest request, CancellationToken cancellationToken)
    {
        var org = await access.ResolveAsync(caller, orgId, Permission.SettingsManage, cancellationToken);
        if (org.Failure is { } failure)
        {
            return failure;
        }
        var path = org.Value!.Org.Path;
        var template = MessageTemplate.Create("tpl_" + Guid.NewGuid().ToString("N")[..20], request.Name, request.Language,
            request.Category, request.Body, request.Status);
        var partition = path.RootId.Value;
        var result = await store.SubmitAsync(
        [
            new(TableTransactionActionType.Add, TemplateRow.Create(path, template)),
            new(TableTransactionActionType.Add, TemplateRow.NameReservation(path, template)),
            OutboxRows.Add(partition, events.Create(EventTypes.TemplateCreated, path.OrgId.Value, EventFactory.ActorOf(caller), Describe(template))),
        ], cancellationToken);
        if (!result.Applied)
        {
            return NameTaken();
        }
        return (await templates.GetAsync(path, template.Id, cancellationToken))!;
    }

    public async Task<Outcome<TemplateRecord>> ReplaceAsync(Caller caller, string orgId, string templateId, TemplateRequest request,
        ETag? ifMatch, CancellationToken cancellationToken)
    {
        var found = await FindForChangeAsync(caller, orgId, templateId, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var (path, current) = found.Value;
        if (ifMatch is { } expected && expected != ETag.All && expected != current.ETag)
        {
            return new Failure.PreconditionFailed();
        }
        var template = current.Template;
        var oldKey = template.UniquenessKey;
        template.Change(request.Name, request.Language, request.Category, request.Body, request.Status);

        var partition = path.RootId.Value;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, TemplateRow.Create(path, template), current.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.TemplateUpdated, path.OrgId.Value, EventFactory.ActorOf(caller), Describe(template))),
        };
        if (!string.Equals(oldKey, template.UniquenessKey, StringComparison.Ordinal))
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.TemplateName(path.OrgId, oldKey)), ETag.All));
            actions.Add(new(TableTransactionActionType.Add, TemplateRow.NameReservation(path, template)));
        }
        var result = await store.SubmitAsync(actions, cancellationToken);
        if (result.IsStale)
        {
            return ifMatch is null ? new Failure.Conflict("The template was changed meanwhile; read it again and retry.") : new Failure.PreconditionFailed();
        }
        if (!result.Applied)
        {
            return NameTaken();
        }
        return (await templates.GetAsync(path, template.Id, cancellationToken))!;
    }

    public async Task<Outcome<bool>> DeleteAsync(Caller caller, string orgId, string templateId, CancellationToken cancellationToken)
    {
        var found = await FindForChangeAsync(caller, orgId, templateId, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var (path, current) = found.Value;
        var partition = path.RootId.Value;
        var result = await store.SubmitAsync(
        [
            new(TableTransactionActionType.Delete, TemplateRow.Create(path, current.Template), current.ETag),
            new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.TemplateName(path.OrgId, current.Template.UniquenessKey)), ETag.All),
            OutboxRows.Add(partition, events.Create(EventTypes.TemplateDeleted, path.OrgId.Value, EventFactory.ActorOf(caller), Describe(current.Template))),
        ], cancellationToken);
        return result.Applied ? true : new Failure.Conflict("The template changed meanwhile; retry.");
    }

    private async Task<Outcome<(OrgPath Path, TemplateRecord Template)>> FindForChangeAsync(Caller caller, string orgId, string templateId,
        CancellationToken cancellationToken)
    {
        var org = await access.ResolveAsync(caller, orgId, Permission.SettingsManage, cancellationToken);
        if (org.Failure is { } failure)
        {
            return failure;
        }
        var path = org.Value!.Org.Path;
        var template = await templates.GetAsync(path, templateId, cancellationToken);
        return template is null ? new Failure.NotFound("template") : (path, template);
    }

    private static Failure NameTaken() =>
        Failure.Field("name", "another template of this org already has this name and language");

    private static JsonObject Describe(MessageTemplate template) => new()
    {
        ["templateId"] = template.Id,
        ["name"] = template.Name.Value,
        ["language"] = template.Language.Value,
        ["category"] = template.Category.ToApi(),
        ["status"] = template.Status.ToApi(),
    };
}
