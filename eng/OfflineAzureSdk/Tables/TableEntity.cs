#nullable disable
// Oblivious to nullability, as the real package is: see TableClient.cs.
using System.Collections;
using System.Globalization;

namespace Azure.Data.Tables;

/// <summary>
/// A dictionary-backed entity: any properties, typed as the service returned them (string, int, long, double,
/// bool, DateTimeOffset, Guid, byte[]). The Get* methods coerce between compatible types.
/// </summary>
public sealed class TableEntity : ITableEntity, IDictionary<string, object>
{
    private readonly Dictionary<string, object> _properties;

    public TableEntity()
    {
        _properties = new Dictionary<string, object>(StringComparer.Ordinal);
    }

    public TableEntity(string partitionKey, string rowKey)
        : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object> values)
    {
        _properties = values is null
            ? new Dictionary<string, object>(StringComparer.Ordinal)
            : new Dictionary<string, object>(values, StringComparer.Ordinal);
    }

    public string PartitionKey
    {
        get => GetString(Internal.EntityPropertyNames.PartitionKey);
        set => _properties[Internal.EntityPropertyNames.PartitionKey] = value;
    }

    public string RowKey
    {
        get => GetString(Internal.EntityPropertyNames.RowKey);
        set => _properties[Internal.EntityPropertyNames.RowKey] = value;
    }

    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(Internal.EntityPropertyNames.Timestamp);
        set => _properties[Internal.EntityPropertyNames.Timestamp] = value;
    }

    public ETag ETag { get; set; }

    public object this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[key] = value;
    }

    public ICollection<string> Keys => _properties.Keys;

    ICollection<object> IDictionary<string, object>.Values => _properties.Values;

    public int Count => _properties.Count;

    bool ICollection<KeyValuePair<string, object>>.IsReadOnly => false;

    public void Add(string key, object value) => _properties.Add(key, value);

    public void Clear() => _properties.Clear();

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public bool TryGetValue(string key, out object value) => _properties.TryGetValue(key, out value);

    public string GetString(string key) => Get(key, v => v switch
    {
        string s => s,
        _ => null,
    });

    public int? GetInt32(string key) => Get(key, v => v switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        _ => (int?)null,
    });

    public long? GetInt64(string key) => Get(key, v => v switch
    {
        long l => l,
        int i => i,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => (long?)null,
    });

    public double? GetDouble(string key) => Get(key, v => v switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => (double?)null,
    });

    public bool? GetBoolean(string key) => Get(key, v => v switch
    {
        bool b => b,
        _ => (bool?)null,
    });

    public DateTimeOffset? GetDateTimeOffset(string key) => Get(key, v => v switch
    {
        DateTimeOffset d => d,
        DateTime d => Internal.EdmValues.ToUtcOffset(d),
        string s => Internal.EdmValues.ParseDateTime(s),
        _ => (DateTimeOffset?)null,
    });

    public DateTime? GetDateTime(string key) => Get(key, v => v switch
    {
        DateTime d => d,
        DateTimeOffset d => d.UtcDateTime,
        string s => Internal.EdmValues.ParseDateTime(s).UtcDateTime,
        _ => (DateTime?)null,
    });

    public Guid? GetGuid(string key) => Get(key, v => v switch
    {
        Guid g => g,
        string s when Guid.TryParse(s, out var parsed) => parsed,
        _ => (Guid?)null,
    });

    public byte[] GetBinary(string key) => Get(key, v => v switch
    {
        byte[] b => b,
        BinaryData b => b.ToArray(),
        _ => null,
    });

    public BinaryData GetBinaryData(string key) => Get(key, v => v switch
    {
        BinaryData b => b,
        byte[] b => BinaryData.FromBytes(b),
        _ => null,
    });

    private T Get<T>(string key, Func<object, T> convert)
    {
        if (!_properties.TryGetValue(key, out var value) || value is null)
        {
            return default;
        }
        var converted = convert(value);
        if (converted is null)
        {
            throw new InvalidOperationException(
                $"Property '{key}' holds a {value.GetType().Name}, which cannot be read as {typeof(T).Name}.");
        }
        return converted;
    }

    void ICollection<KeyValuePair<string, object>>.Add(KeyValuePair<string, object> item) => _properties.Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object>>.Contains(KeyValuePair<string, object> item) =>
        ((ICollection<KeyValuePair<string, object>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object>>.CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object>>.Remove(KeyValuePair<string, object> item) =>
        ((ICollection<KeyValuePair<string, object>>)_properties).Remove(item);

    IEnumerator<KeyValuePair<string, object>> IEnumerable<KeyValuePair<string, object>>.GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _properties.GetEnumerator();
}
