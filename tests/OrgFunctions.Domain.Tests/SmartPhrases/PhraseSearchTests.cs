using OrgFunctions.Domain.SmartPhrases;

namespace OrgFunctions.Domain.Tests.SmartPhrases;

public class PhraseSearchTests
{
    private static SmartPhrase Phrase(string shortcut, string text, params string[] tags) =>
        new(SmartPhrase.NewId(), shortcut, text, tags);

    [Fact]
    public void RanksShortcutExactThenShortcutPrefixThenTagThenTextWord()
    {
        var phrases = new[]
        {
            Phrase("thanks", "Happy to help", "greeting"),
            Phrase("hello", "Hi there, how can I help?"),
            Phrase("bye", "Goodbye and hello to your family"),
            Phrase("welcome", "Welcome aboard", "hello"),
            Phrase("hello-long", "Hello again"),
        };

        var ranked = PhraseSearch.Rank(phrases, "hello").Select(r => r.Phrase.Shortcut).ToList();

        Assert.Equal(["hello", "hello-long", "welcome", "bye"], ranked);
    }

    [Fact]
    public void MatchingIgnoresCaseAndAccents()
    {
        var phrases = new[] { Phrase("Café", "Un CAFÉ crème, s'il vous plaît", "Boissons") };

        Assert.Single(PhraseSearch.Rank(phrases, "cafe"));
        Assert.Single(PhraseSearch.Rank(phrases, "CREME"));
        Assert.Single(PhraseSearch.Rank(phrases, "boissons"));
        Assert.Single(PhraseSearch.Rank(phrases, "plait"));
        Assert.Empty(PhraseSearch.Rank(phrases, "tea"));
    }

    [Fact]
    public void EveryQueryWordMustStartSomeWordOfTheText()
    {
        var phrases = new[] { Phrase("ship", "Your order has shipped today") };

        Assert.Single(PhraseSearch.Rank(phrases, "order ship"));
        Assert.Empty(PhraseSearch.Rank(phrases, "order refund"));
    }

    [Fact]
    public void FoldDecomposesAndDropsMarks() => Assert.Equal("naive resume", SearchText.Fold("NAÏVE Résumé"));

    [Fact]
    public void ProblemsNameEachInvalidField()
    {
        var problems = SmartPhrase.Problems("two words", "", [new string('x', 41)]).Select(p => p.Field).ToList();
        Assert.Equal(["shortcut", "text", "tags"], problems);
    }
}
