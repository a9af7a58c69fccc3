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
}
