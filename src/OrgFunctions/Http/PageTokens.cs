using System.Buffers.Text;
using System.Text;

namespace OrgFunctions.Http;

/// <summary>
/// Continuation tokens as the API hands them out: storage's token, base64url-encoded so it is one opaque URL-safe string.
/// A forged token can't widen a listing: the query's own filter still bounds it to the caller's subtree.
/// </summary>
public static class PageTokens
{
    public static string? Encode(string? storageToken) =>
        storageToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storageToken));

    public static bool TryDecode(string? apiToken, out string? storageToken)
    {
        storageToken = null;
        if (string.IsNullOrEmpty(apiToken))
        {
            return true;
        }
        try
        {
            storageToken = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(apiToken));
            return storageToken.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
