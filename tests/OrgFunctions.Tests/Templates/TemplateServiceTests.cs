using Azure;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Templates;
using OrgFunctions.Templates;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Templates;

public sealed class TemplateServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    private TemplateService Service => _app.Get<TemplateService>();

    private static TemplateRequest Request(string name = "order_shipped", string language = "en-GB", string body = "Order {{1}} shipped.") =>
        new(TemplateName.Create(name), TemplateLanguage.Create(language), TemplateCategory.Utility, TemplateBody.Create(body), TemplateStatus.Pending);

    [Fact]
    public async Task ACreatedTemplateIsListedAndReadWithItsEvent()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);

        var created = await Service.CreateAsync(new OrgScope(caller, root), Request(), default);
        var listed = await Service.ListAsync(new OrgScope(caller, root), default);
        var read = await Service.GetAsync(new OrgScope(caller, root), created.Value!.Template.Id, default);

        Assert.Equal("order_shipped", Assert.Single(listed).Template.Name.Value);
        Assert.Equal(1, read.Value!.Template.Body.PlaceholderCount);
        Assert.Contains(await OutboxReader.EventsAsync(_app, root.Org.Id.Value), e => e.Type == EventTypes.TemplateCreated);
    }

    [Fact]
    public async Task NameAndLanguageAreUniqueInAnOrgButTheNameMayRepeatInAnotherLanguage()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);
        await Service.CreateAsync(new OrgScope(caller, root), Request(), default);

        var duplicate = await Service.CreateAsync(new OrgScope(caller, root), Request(language: "en-gb"), default);
        var otherLanguage = await Service.CreateAsync(new OrgScope(caller, root), Request(language: "fr"), default);

        var invalid = Assert.IsType<Failure.Invalid>(duplicate.Failure);
        Assert.Contains("name", invalid.Errors.ToDictionary().Keys);
        Assert.True(otherLanguage.Succeeded);
    }

    [Fact]
    public async Task ReplacingIsConditionalOnTheETagAndMovesTheNameReservation()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);
        var created = (await Service.CreateAsync(new OrgScope(caller, root), Request(), default)).Value!;

        var stale = await Service.ReplaceAsync(new OrgScope(caller, root), created.Template.Id, Request("renamed"), new ETag("W/\"stale\""), default);
        var replaced = await Service.ReplaceAsync(new OrgScope(caller, root), created.Template.Id, Request("renamed"), created.ETag, default);
        var reuseOldName = await Service.CreateAsync(new OrgScope(caller, root), Request(), default);

        Assert.IsType<Failure.PreconditionFailed>(stale.Failure);
        Assert.Equal("renamed", replaced.Value!.Template.Name.Value);
        Assert.True(reuseOldName.Succeeded);
    }

    [Fact]
    public async Task DeletingFreesTheNameAndTheTemplateIsGone()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var caller = OrgTreeBuilder.CallerIn(root);
        var created = (await Service.CreateAsync(new OrgScope(caller, root), Request(), default)).Value!;

        var deleted = await Service.DeleteAsync(new OrgScope(caller, root), created.Template.Id, default);

        Assert.True(deleted.Value);
        Assert.IsType<Failure.NotFound>((await Service.GetAsync(new OrgScope(caller, root), created.Template.Id, default)).Failure);
        Assert.True((await Service.CreateAsync(new OrgScope(caller, root), Request(), default)).Succeeded);
    }
}
