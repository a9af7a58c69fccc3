using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Templates;

namespace OrgFunctions.Domain.Tests.Templates;

public sealed class MessageTemplateTests
{
    private static MessageTemplate Template() => MessageTemplate.Create("tpl_1", TemplateName.Create("order_shipped"),
        TemplateLanguage.Create("en-GB"), TemplateCategory.Utility, TemplateBody.Create("Order {{1}} shipped."));

    [Theory]
    [InlineData("order_shipped_2")]
    [InlineData("a")]
    public void NamesOfLowercaseLettersDigitsAndUnderscoresAreAccepted(string name)
    {
        Assert.Equal(name, TemplateName.Create(name).Value);
    }

    [Theory]
    [InlineData("Order")]
    [InlineData("order shipped")]
    [InlineData("order-shipped")]
    [InlineData("")]
    public void OtherNamesAreRefused(string name)
    {
        Assert.Throws<DomainException>(() => TemplateName.Create(name));
    }

    [Theory]
    [InlineData("MARKETING", TemplateCategory.Marketing)]
    [InlineData("UTILITY", TemplateCategory.Utility)]
    [InlineData("AUTHENTICATION", TemplateCategory.Authentication)]
    public void CategoriesAreTheThreeOfWhatsApp(string text, TemplateCategory category)
    {
        Assert.Equal(category, TemplateCategories.Parse(text));
        Assert.Equal(text, category.ToApi());
    }

    [Theory]
    [InlineData("marketing")]
    [InlineData("TRANSACTIONAL")]
    public void AnyOtherCategoryIsRefused(string text)
    {
        Assert.Throws<DomainException>(() => TemplateCategories.Parse(text));
    }

    [Fact]
    public void ANewTemplateIsPendingAndItsOwn()
    {
        var template = Template();

        Assert.Equal(TemplateStatus.Pending, template.Status);
        Assert.Null(template.InheritedFrom);
    }

    [Fact]
    public void ACopyKeepsTheIdAndContentAndNamesTheOrgItCameFrom()
    {
        var parent = OrgId.New();
        var grandparent = OrgId.New();

        var copy = Template().CopyFor(parent);
        var copyOfCopy = copy.CopyFor(grandparent);

        Assert.Equal("tpl_1", copy.Id);
        Assert.Equal("Order {{1}} shipped.", copy.Body.Value);
        Assert.Equal(parent, copy.InheritedFrom);
        Assert.Equal(parent, copyOfCopy.InheritedFrom); // the origin travels down
    }

    [Fact]
    public void ChangingACopyMakesItTheOrgsOwn()
    {
        var copy = Template().CopyFor(OrgId.New());

        copy.Change(TemplateName.Create("order_sent"), TemplateLanguage.Create("en"), TemplateCategory.Utility,
            TemplateBody.Create("Sent {{1}}"), TemplateStatus.Approved);

        Assert.Null(copy.InheritedFrom);
        Assert.Equal("order_sent:en", copy.UniquenessKey);
    }

    [Fact]
    public void AnIdThatCouldBreakATableKeyIsRefused()
    {
        Assert.Throws<DomainException>(() => MessageTemplate.Create("a/b", TemplateName.Create("x"), TemplateLanguage.Create("en"),
            TemplateCategory.Marketing, TemplateBody.Create("x")));
    }
}
