namespace Azure.Data.Tables;

/// <summary>An account name and key for SharedKey signing. The key is never exposed or logged.</summary>
public class TableSharedKeyCredential
{
    private byte[] _accountKey;

    public TableSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentNullException.ThrowIfNull(accountName);
        AccountName = accountName;
        _accountKey = DecodeKey(accountKey);
    }

    public string AccountName { get; }

    public void SetAccountKey(string accountKey) => Volatile.Write(ref _accountKey, DecodeKey(accountKey));

    internal byte[] AccountKeyBytes => Volatile.Read(ref _accountKey);

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            // Deliberately says nothing about the value itself.
            throw new ArgumentException("The account key is not valid base64.", nameof(accountKey));
        }
    }
}
