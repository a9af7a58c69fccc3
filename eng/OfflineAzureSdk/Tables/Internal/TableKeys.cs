namespace Azure.Data.Tables.Internal;

/// <summary>
/// Checks PartitionKey and RowKey values before any request is sent.
/// Deliberate difference from the real package: Azure rejects '/', '\', '#', '?' and control characters in
/// keys server-side (and Azurite accepts some of them), so code that works locally could fail in Azure. We refuse
/// them up front, with an ArgumentException naming the key and the character, in every environment.
/// </summary>
internal static class TableKeys
{
    public static void Validate(string? partitionKey, string? rowKey)
    {
        ValidateOne(partitionKey, EntityPropertyNames.PartitionKey);
        ValidateOne(rowKey, EntityPropertyNames.RowKey);
    }

    public static void Validate(ITableEntity entity, string paramName)
    {
        ArgumentNullException.ThrowIfNull(entity, paramName);
        Validate(entity.PartitionKey, entity.RowKey);
    }

    private static void ValidateOne(string? value, string keyName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(keyName, $"The {keyName} must not be null.");
        }
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
            {
                var shown = char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
                throw new ArgumentException(
                    $"The {keyName} contains the character {shown}, which Azure Table Storage does not allow in keys " +
                    "('/', '\\', '#', '?' and control characters are refused).", keyName);
            }
        }
    }
}
