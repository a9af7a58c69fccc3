using OrgFunctions.Domain.Text;

namespace OrgFunctions.Domain.Tests.Text;

public class TextPolicyTests
{
    public static TheoryData<string, string> RefusedEverywhere => new()
    {
        { "NUL", "a\u0000b" },
        { "C0 bell", "a\u0007b" },
        { "C0 escape", "a\u001Bb" },
        { "tab", "a\tb" },
        { "DEL", "a\u007Fb" },
        { "C1 first", "a\u0080b" },
        { "C1 next line", "a\u0085b" },
        { "C1 last", "a\u009Fb" },
        { "LRE", "a\u202Ab" },
        { "RLE", "a\u202Bb" },
        { "PDF", "a\u202Cb" },
        { "LRO", "a\u202Db" },
        { "RLO", "a\u202Eb" },
        { "LRI", "a\u2066b" },
        { "RLI", "a\u2067b" },
        { "FSI", "a\u2068b" },
        { "PDI", "a\u2069b" },
    };

    [Theory]
    [MemberData(nameof(RefusedEverywhere))]
    public void RefusesControlBidiAndBrokenCharactersInSingleAndMultiLineText(string what, string text)
    {
        Assert.False(TextPolicy.IsAllowed(text, TextLines.Single), what);
        Assert.False(TextPolicy.IsAllowed(text, TextLines.Multiple), what);
        Assert.NotNull(TextPolicy.Problem(text));
    }

    [Fact]
    public void RefusesUnpairedSurrogates()
    {
        // Built here: xunit would replace a lone surrogate in theory data with U+FFFD.
        foreach (var text in new[] { new string(['a', (char)0xD800, 'b']), new string(['a', (char)0xDC00]), new string([(char)0xD800]) })
        {
            Assert.False(TextPolicy.IsAllowed(text, TextLines.Multiple));
        }
        Assert.True(TextPolicy.IsAllowed(new string([(char)0xD83D, (char)0xDE00])));
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("line\r\nbreak")]
    [InlineData("line\rbreak")]
    [InlineData("line\u2028separator")]
    [InlineData("paragraph\u2029separator")]
    public void LineBreaksOnlyWhereAFieldAllowsThem(string text)
    {
        Assert.False(TextPolicy.IsAllowed(text, TextLines.Single));
        Assert.True(TextPolicy.IsAllowed(text, TextLines.Multiple));
    }

    [Theory]
    [InlineData("Acme Dublin")]
    [InlineData("Café")]
    [InlineData("Cafe\u0301")]
    [InlineData("שלום עולם")]
    [InlineData("mark\u200Fed")] // right-to-left mark: a mark, not an override
    [InlineData("emoji 👩‍💻")] // a zero-width joiner inside an emoji sequence (and a surrogate pair)
    [InlineData("D\u200Bupx")]
    public void AllowsOrdinaryTextInAnyScript(string text)
    {
        Assert.True(TextPolicy.IsAllowed(text));
    }

    [Theory]
    [InlineData("Café", "Cafe\u0301")]
    [InlineData("Dupx", "D\u200Bupx")]
    [InlineData("Dupx", "\uFEFFDu\u00ADpx\u2060")]
    [InlineData("acme", "ACME")]
    [InlineData("Ops", "O\uDB40\uDC01ps")] // a tag character (U+E0001), outside the BMP
    public void FoldsCompositionCaseAndInvisibleCharactersTogether(string a, string b)
    {
        Assert.Equal(TextPolicy.Fold(a), TextPolicy.Fold(b));
    }

    [Theory]
    [InlineData("Straße", "STRASSE")] // no full case folding in .NET: ß stays ß (ADR 0013)
    [InlineData("Acme", "Ａｃｍｅ")] // no compatibility folding: full-width letters are other letters
    [InlineData("Acme", "Acne")]
    public void KeepsApartWhatItDoesNotFold(string a, string b)
    {
        Assert.NotEqual(TextPolicy.Fold(a), TextPolicy.Fold(b));
    }

    [Theory]
    [InlineData(0x00AD, true)]
    [InlineData(0x034F, true)]
    [InlineData(0x061C, true)]
    [InlineData(0x115F, true)]
    [InlineData(0x17B5, true)]
    [InlineData(0x180E, true)]
    [InlineData(0x200B, true)]
    [InlineData(0x202E, true)]
    [InlineData(0x2064, true)]
    [InlineData(0x3164, true)]
    [InlineData(0xFE0F, true)]
    [InlineData(0xFEFF, true)]
    [InlineData(0xFFA0, true)]
    [InlineData(0xFFF8, true)]
    [InlineData(0x1BCA3, true)]
    [InlineData(0x1D173, true)]
    [InlineData(0xE0FFF, true)]
    [InlineData(0x0041, false)]
    [InlineData(0x00A0, false)]
    [InlineData(0x2010, false)]
    [InlineData(0xFFF9, false)]
    [InlineData(0xE1000, false)]
    public void KnowsTheDefaultIgnorableCodePoints(int codePoint, bool ignorable)
    {
        Assert.Equal(ignorable, TextPolicy.IsDefaultIgnorable(codePoint));
    }

    [Fact]
    public void NormalisesToNfcAndTrimsButKeepsWhatWasWritten()
    {
        Assert.Equal("Café", TextPolicy.Normalise("  Cafe\u0301 "));
        Assert.Equal("D\u200Bupx", TextPolicy.Normalise("D\u200Bupx"));
    }
}
