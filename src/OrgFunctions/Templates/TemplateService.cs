using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Templates;
using OrgFunctions.OrgItems;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Templates;

/// <summary>
/// An org's WhatsApp templates. Reading needs <c>orgs.read</c>; changing needs <c>settings.manage</c> (templates are
/// inheritable settings). Name + language is unique in an org (a reservation row goes in the template's transaction);
/// every change is stored with its event and is conditional on the template's ETag.
/// </summary>
public sealed class TemplateService(OrgItemStore items, NameReservations reservations, EventFactory events)
{
    private static OrgItemKind<TemplateRecord> Kind => TemplateStore.Kind;

    public Task<IReadOnlyList<TemplateRecord>> ListAsync(OrgScope scope, CancellationToken cancellationToken) =>
        items.ListAsync(Kind, scope.Path, cancellationToken);

    public Task<Outcome<TemplateRecord>> GetAsync(OrgScope scope, string templateId, CancellationToken cancellationToken) =>
        items.FindAsync(Kind, scope.Path, templateId, null, cancellationToken);

    public async Task<Outcome<TemplateRecord>> CreateAsync(OrgScope scope, TemplateRequest request, CancellationToken cancellationToken)
    {
        var (caller, path) = (scope.Caller, scope.Path);
        var template = MessageTemplate.Create("tpl_" + Guid.NewGuid().ToString("N")[..20], request.Name, request.Language,
            request.Category, request.Body, request.Status);
        var partition = path.RootId.Value;
        return await items.SaveAsync(Kind, path, template.Id,
        [
            new(TableTransactionActionType.Add, TemplateRow.Create(path, template)),
            new(TableTransactionActionType.Add, TemplateRow.NameReservation(path, template)),
            OutboxRows.Add(partition, events.Create(EventTypes.TemplateCreated, path.OrgId.Value, EventFactory.ActorOf(caller), Describe(template))),
        ], null, NameTaken(), cancellationToken);
    }

    public async Task<Outcome<TemplateRecord>> ReplaceAsync(OrgScope scope, string templateId, TemplateRequest request,
        ETag? ifMatch, CancellationToken cancellationToken)
    {
        var (caller, path) = (scope.Caller, scope.Path);
        var found = await items.FindAsync(Kind, path, templateId, ifMatch, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var current = found.Value!;
        var template = current.Template;
        var oldKey = RowKeys.TemplateName(path.OrgId, template.UniquenessKey);
        template.Change(request.Name, request.Language, request.Category, request.Body, request.Status);

        var partition = path.RootId.Value;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, TemplateRow.Create(path, template), current.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.TemplateUpdated, path.OrgId.Value, EventFactory.ActorOf(caller), Describe(template))),
        };
        // Templates have no legacy reservation form: the old key is the only one, and moving reads nothing.
        actions.AddRange((await reservations.MoveAsync(oldKey, oldKey, TemplateRow.NameReservation(path, template), [],
            NameReservations.TemplateHolder, template.Id, cancellationToken))!);
        return await items.SaveAsync(Kind, path, template.Id, actions, ifMatch, NameTaken(), cancellationToken);
    }

    public async Task<Outcome<bool>> DeleteAsync(OrgScope scope, string templateId, CancellationToken cancellationToken)
    {
        var (caller, path) = (scope.Caller, scope.Path);
        var found = await items.FindAsync(Kind, path, templateId, null, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var current = found.Value!;
        var partition = path.RootId.Value;
        return await items.DeleteAsync(
        [
            new(TableTransactionActionType.Delete, TemplateRow.Create(path, current.Template), current.ETag),
            new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.TemplateName(path.OrgId, current.Template.UniquenessKey)), ETag.All),
            OutboxRows.Add(partition, events.Create(EventTypes.TemplateDeleted, path.OrgId.Value, EventFactory.ActorOf(caller), Describe(current.Template))),
        ], "The template changed meanwhile; retry.", cancellationToken);
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
