using OrgFunctions.Domain.Templates;

namespace OrgFunctions.Domain.Tests.Templates;

public sealed class TemplateLanguageTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-US", "en-US")]
    [InlineData("EN-us", "en-US")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("es-419", "es-419")]
    [InlineData("fil", "fil")]
    public void Bcp47TagsAreAcceptedInCanonicalCase(string tag, string canonical)
    {
        Assert.Equal(canonical, TemplateLanguage.Create(tag).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("english")]
    [InlineData("en_US")]
    [InlineData("e")]
    [InlineData("en-USA")]
    [InlineData("en-")]
    [InlineData(null)]
    public void WhatIsNotABcp47TagIsRefused(string? tag)
    {
        Assert.Throws<DomainException>(() => TemplateLanguage.Create(tag));
    }

    [Fact]
    public void TryCreateReturnsTheTagOrTheReasonCreateThrowsWith()
    {
        var thrown = Assert.Throws<DomainException>(() => TemplateLanguage.Create("english")).Message;

        Assert.False(TemplateLanguage.TryCreate("english", out var refused, out var error));
        Assert.True(TemplateLanguage.TryCreate("zh-hant-tw", out var tag, out var none));

        Assert.Null(refused);
        Assert.Equal(thrown, error);
        Assert.Equal("zh-Hant-TW", tag.Value);
        Assert.Null(none);
    }

    [Fact]
    public void NamesCategoriesAndStatusesOfferTheirReasonsToo()
    {
        Assert.False(TemplateName.TryCreate("Has Spaces", out _, out var name));
        Assert.False(TemplateCategories.TryParse("utility", out _, out var category));
        Assert.False(TemplateStatuses.TryParse("DONE", out _, out var status));
        Assert.True(TemplateCategories.TryParse("MARKETING", out var marketing, out _));
        Assert.True(TemplateStatuses.TryParse("APPROVED", out var approved, out _));

        Assert.Equal(Assert.Throws<DomainException>(() => TemplateName.Create("Has Spaces")).Message, name);
        Assert.Equal(Assert.Throws<DomainException>(() => TemplateCategories.Parse("utility")).Message, category);
        Assert.Equal(Assert.Throws<DomainException>(() => TemplateStatuses.Parse("DONE")).Message, status);
        Assert.Equal(TemplateCategory.Marketing, marketing);
        Assert.Equal(TemplateStatus.Approved, approved);
    }
}
