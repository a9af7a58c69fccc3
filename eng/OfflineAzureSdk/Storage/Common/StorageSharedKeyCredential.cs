using System.Security.Cryptography;
using System.Text;

namespace Azure.Storage;

/// <summary>
/// An account name and key for SharedKey authorization. The key is kept only as bytes and is
/// never part of ToString, logs or exception messages.
/// </summary>
public class StorageSharedKeyCredential
{
    private byte[] _accountKey = [];

    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentNullException.ThrowIfNull(accountName);
        AccountName = accountName;
        SetAccountKey(accountKey);
    }

    public string AccountName { get; }

    /// <summary>Replaces the key, e.g. after rotation; requests already signed keep the old one.</summary>
    public void SetAccountKey(string accountKey)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            // Deliberately without the key itself.
            throw new FormatException("The account key is not valid base64.");
        }
        Volatile.Write(ref _accountKey, key);
    }

    protected static string ComputeSasSignature(StorageSharedKeyCredential credential, string message) =>
        credential.ComputeHmacSha256(message);

    internal string ComputeHmacSha256(string message) =>
        Convert.ToBase64String(HMACSHA256.HashData(Volatile.Read(ref _accountKey), Encoding.UTF8.GetBytes(message)));
}
