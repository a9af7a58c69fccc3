using OrgFunctions.Domain.SmartPhrases;
using OrgFunctions.Http;

namespace OrgFunctions.SmartPhrases;

/// <summary><c>{ shortcut, text, tags? }</c> for create and (full) replace.</summary>
public sealed record SmartPhraseRequest(string Shortcut, string Text, IReadOnlyList<string> Tags)
{
    public static SmartPhraseRequest? Read(JsonObjectReader body)
    {
        var shortcut = body.String("shortcut", required: true, maxLength: SmartPhrase.MaxShortcutLength * 2);
        var text = body.String("text", required: true, maxLength: SmartPhrase.MaxTextLength * 2);
        var tags = body.StringArray("tags", maxItems: SmartPhrase.MaxTags);
        body.RejectUnknownFields();
        if (shortcut is not null && text is not null)
        {
            foreach (var (field, reason) in SmartPhrase.Problems(shortcut, text, tags))
            {
                body.Errors.Add(field, reason);
            }
        }
        return body.Errors.Any ? null : new SmartPhraseRequest(shortcut!.Trim(), text!.Trim(), SmartPhrase.CleanTags(tags));
    }
}

/// <summary>A phrase as the API shows it; <see cref="Score"/> only in search results.</summary>
public sealed record SmartPhraseView(string Id, string Shortcut, string Text, IReadOnlyList<string> Tags, int? Score = null)
{
    public static SmartPhraseView From(SmartPhrase p, int? score = null) => new(p.Id, p.Shortcut, p.Text, p.Tags, score);
}
