namespace OrgFunctions.Domain.SmartPhrases;

/// <summary>
/// Ranks an org's phrases against a query, case- and accent-insensitively. Per phrase, the best match counts:
/// shortcut equal to the query, then shortcut starting with it, then a tag equal to it, then a tag starting with it,
/// then every query word found at the start of some word of the text. Ties: shortcut order.
/// </summary>
public static class PhraseSearch
{
    public const int ShortcutExact = 100;
    public const int ShortcutPrefix = 80;
    public const int TagExact = 60;
    public const int TagPrefix = 50;
    public const int TextWords = 30;

    public static IReadOnlyList<(SmartPhrase Phrase, int Score)> Rank(IEnumerable<SmartPhrase> phrases, string query)
    {
        var folded = SearchText.Fold(query.Trim());
        var queryWords = SearchText.Words(query).ToList();
        if (folded.Length == 0)
        {
            return [];
        }
        return phrases
            .Select(p => (Phrase: p, Score: Score(p, folded, queryWords)))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Phrase.ShortcutKey, StringComparer.Ordinal)
            .ToList();
    }

    public static int Score(SmartPhrase phrase, string foldedQuery, IReadOnlyList<string> queryWords)
    {
        var shortcut = phrase.ShortcutKey;
        if (shortcut == foldedQuery)
        {
            return ShortcutExact;
        }
        if (shortcut.StartsWith(foldedQuery, StringComparison.Ordinal))
        {
            return ShortcutPrefix;
        }
        var tags = phrase.Tags.Select(SearchText.Fold).ToList();
        if (tags.Contains(foldedQuery))
        {
            return TagExact;
        }
        if (tags.Any(t => t.StartsWith(foldedQuery, StringComparison.Ordinal)))
        {
            return TagPrefix;
        }
        if (queryWords.Count > 0)
        {
            var words = SearchText.Words(phrase.Text).ToHashSet();
            if (queryWords.All(q => words.Any(w => w.StartsWith(q, StringComparison.Ordinal))))
            {
                return TextWords;
            }
        }
        return 0;
    }
}
