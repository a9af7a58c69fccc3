using OrgFunctions.Domain.Templates;

namespace OrgFunctions.Domain.Tests.Templates;

public sealed class TemplateBodyTests
{
    [Theory]
    [InlineData("Hello!", 0)]
    [InlineData("Hi {{1}}, your order {{2}} ships {{3}}.", 3)]
    [InlineData("{{1}} and {{1}} again, then {{2}}", 2)]
    [InlineData("{{2}} before {{1}} is fine", 2)]
    public void PlaceholdersNumberedFromOneWithoutGapsAreCounted(string text, int count)
    {
        var body = TemplateBody.Create(text);

        Assert.Equal(count, body.PlaceholderCount);
        Assert.Equal(text, body.Value);
    }

    [Theory]
    [InlineData("Hi {{2}}")]
    [InlineData("Hi {{1}} and {{3}}")]
    [InlineData("Hi {{0}}")]
    public void PlaceholdersThatDoNotStartAtOneOrHaveGapsAreRefused(string text)
    {
        Assert.Throws<DomainException>(() => TemplateBody.Create(text));
    }

    [Theory]
    [InlineData("Hi {{name}}")]
    [InlineData("Hi {{1}")]
    [InlineData("Hi {{ 1 }}")]
    [InlineData("Hi 1}} there")]
    public void MalformedPlaceholdersAreRefused(string text)
    {
        Assert.Throws<DomainException>(() => TemplateBody.Create(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void AnEmptyBodyIsRefused(string? text)
    {
        Assert.Throws<DomainException>(() => TemplateBody.Create(text));
    }

    [Fact]
    public void ABodyLongerThan1024CharactersIsRefused()
    {
        Assert.Equal(1024, TemplateBody.Create(new string('a', 1024)).Value.Length);
        Assert.Throws<DomainException>(() => TemplateBody.Create(new string('a', 1025)));
    }

    [Fact]
    public void ABodyMayHoldLineBreaksButNoControlOrBidiOverrideCharacters()
    {
        Assert.Equal(1, TemplateBody.Create("Hello {{1}},\nsee you soon.").PlaceholderCount);
        Assert.Throws<DomainException>(() => TemplateBody.Create("Hello\u0000{{1}}"));
        Assert.Throws<DomainException>(() => TemplateBody.Create("Hello \u202E{{1}}"));
        Assert.Throws<DomainException>(() => TemplateBody.Create("Hello\t{{1}}"));
        Assert.Equal("Old\u202Ebody", TemplateBody.Restore("Old\u202Ebody").Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello {{0}}")]
    [InlineData("Hello {{1}} and {{3}}")]
    [InlineData("Hello {{x}}")]
    [InlineData("Hello \u202E")]
    public void TryCreateReturnsTheReasonCreateThrowsWith(string value)
    {
        var thrown = Assert.Throws<DomainException>(() => TemplateBody.Create(value)).Message;

        Assert.False(TemplateBody.TryCreate(value, out var body, out var error));
        Assert.Null(body);
        Assert.Equal(thrown, error);
    }

    [Fact]
    public void TryCreateCountsThePlaceholders()
    {
        Assert.True(TemplateBody.TryCreate("Hi {{1}}, order {{2}} ships {{1}}.", out var body, out var error));
        Assert.Null(error);
        Assert.Equal(2, body.PlaceholderCount);
    }
}
