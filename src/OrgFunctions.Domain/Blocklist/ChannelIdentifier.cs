namespace OrgFunctions.Domain.Blocklist;

/// <summary>
/// Who sends on a channel, normalised so that one sender is always one key: phone numbers (SMS, WhatsApp) to E.164,
/// email addresses trimmed and lowercased, other channels' ids trimmed.
/// </summary>
public static class ChannelIdentifier
{
    public const int MaxLength = 256;

    public static bool TryNormalise(Channel channel, string? raw, out string identifier, out string error)
    {
        identifier = "";
        if (channel.UsesPhoneNumbers())
        {
            if (!PhoneNumber.TryParse(raw, out var number, out error))
            {
                return false;
            }
            identifier = number.Value;
            return true;
        }

        var text = (raw ?? "").Trim();
        if (text.Length == 0)
        {
            error = "is empty";
            return false;
        }
        if (text.Length > MaxLength)
        {
            error = $"must be at most {MaxLength} characters";
            return false;
        }
        if (text.Any(char.IsControl))
        {
            error = "must not contain control characters";
            return false;
        }
        if (channel == Channel.Email)
        {
            var at = text.IndexOf('@');
            if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1 || text.Any(char.IsWhiteSpace))
            {
                error = "is not an email address";
                return false;
            }
            text = text.ToLowerInvariant();
        }
        identifier = text;
        error = "";
        return true;
    }
}
