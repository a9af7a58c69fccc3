using OrgFunctions.Domain.Users;

namespace OrgFunctions.Domain.Tests.Users;

public class PasswordPolicyTests
{
    private static readonly EmailAddress Email = EmailAddress.Create("long.address@example.com");

    [Theory]
    [InlineData("correct horse")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("пароль-длинный")]
    [InlineData("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑")]
    public void AcceptsAnyTwelveCharactersWithoutCompositionRules(string password) =>
        Assert.Null(PasswordPolicy.Problem(password, Email));

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("elevenchars", "must be at least 12 characters")]
    [InlineData("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", "must be at least 12 characters")]
    [InlineData("LONG.ADDRESS@example.com", "must not be your email address")]
    [InlineData("twelve chars\u0007", "must not contain control characters")]
    public void RefusesSayingWhy(string? password, string expected) =>
        Assert.Equal(expected, PasswordPolicy.Problem(password, Email));

    [Fact]
    public void RefusesALoneSurrogate() =>
        // Built here: xunit's theory data would turn a lone surrogate into U+FFFD before the test saw it.
        Assert.Equal("must be valid Unicode text", PasswordPolicy.Problem("twelve chars" + (char)0xD800, Email));

    [Fact]
    public void CountsCharactersNotUtf16UnitsUpTo128()
    {
        Assert.Null(PasswordPolicy.Problem(string.Concat(Enumerable.Repeat("🔑", 128)), Email));
        Assert.Equal("must be at most 128 characters", PasswordPolicy.Problem(new string('x', 129), Email));
    }

    [Fact]
    public void ComparesInNfkcSoTheSamePasswordTypedAnotherWayMatches() =>
        Assert.Equal(PasswordPolicy.Normalise("ｐａｓｓｗｏｒｄ café"), PasswordPolicy.Normalise("password cafe\u0301"));
}
