using System.Buffers.Text;
using System.Text;

namespace OrgFunctions.Http;

/// <summary>
/// Continuation tokens as the API hands them out: storage's token, base64url-encoded so it is one opaque URL-safe string.
/// A forged token can't widen a listing: the query's own filter still bounds it to the caller's subtree.
/// </summary>
public static class PageTokens
{
    /// <summary>
    /// The longest token accepted. Storage's token is its next PartitionKey and RowKey (each at most 1 KiB, sent back
    /// base64-encoded), so what this API issues stays under it; a longer one is refused before storage sees it.
    /// </summary>
    public const int MaxLength = 4096;

    public const string Refusal = "is not a token this API issued";

    public static string? Encode(string? storageToken) =>
        storageToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storageToken));

    /// <summary>
    /// False for anything storage can't have issued: too long, not base64url, or not printable ASCII once decoded (storage's
    /// token travels back in request headers, where anything else makes the request itself fail).
    /// </summary>
    public static bool TryDecode(string? apiToken, out string? storageToken)
    {
        storageToken = null;
        if (string.IsNullOrEmpty(apiToken))
        {
            return true;
        }
        if (apiToken.Length > MaxLength)
        {
            return false;
        }
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(apiToken));
            if (decoded.Length == 0 || !decoded.All(c => c is >= ' ' and <= '~'))
            {
                return false;
            }
            storageToken = decoded;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
