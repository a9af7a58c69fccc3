using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace Azure.Data.Tables.Internal;

/// <summary>
/// Maps typed entities (classes implementing <see cref="ITableEntity"/>) to and from property bags, by their
/// public read/write instance properties. [IgnoreDataMember] skips a property; [DataMember(Name = ...)] renames it.
/// </summary>
internal static class EntityMapper
{
    private static readonly ConcurrentDictionary<Type, MappedProperty[]> Cache = new();

    public static IEnumerable<KeyValuePair<string, object?>> ToProperties(ITableEntity entity)
    {
        if (entity is TableEntity dynamic)
        {
            return dynamic!;
        }
        var properties = new List<KeyValuePair<string, object?>>
        {
            new(EntityPropertyNames.PartitionKey, entity.PartitionKey),
            new(EntityPropertyNames.RowKey, entity.RowKey),
        };
        foreach (var mapped in PropertiesOf(entity.GetType()))
        {
            properties.Add(new(mapped.WireName, mapped.Property.GetValue(entity)));
        }
        return properties;
    }

    public static T FromEntity<T>(TableEntity source)
        where T : class, ITableEntity
    {
        if (source is T same)
        {
            return same;
        }
        T target;
        try
        {
            target = Activator.CreateInstance<T>();
        }
        catch (MissingMethodException ex)
        {
            throw new InvalidOperationException($"{typeof(T).FullName} needs a public parameterless constructor to be read from a table.", ex);
        }
        target.PartitionKey = source.PartitionKey;
        target.RowKey = source.RowKey;
        target.Timestamp = source.Timestamp;
        target.ETag = source.ETag;
        foreach (var mapped in PropertiesOf(typeof(T)))
        {
            if (source.TryGetValue(mapped.WireName, out var value))
            {
                mapped.Property.SetValue(target, Convert(value, mapped.Property.PropertyType, mapped.WireName));
            }
        }
        return target;
    }

    private static MappedProperty[] PropertiesOf(Type type) => Cache.GetOrAdd(type, static t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0
            && p.GetMethod!.IsPublic && p.SetMethod!.IsPublic
            && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null
            && p.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey)
                or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag)))
        .Select(p => new MappedProperty(p, p.GetCustomAttribute<DataMemberAttribute>()?.Name ?? p.Name))
        .ToArray());

    private static object? Convert(object? value, Type targetType, string name)
    {
        var type = Nullable.GetUnderlyingType(targetType) ?? targetType;
        if (value is null)
        {
            return targetType.IsValueType && Nullable.GetUnderlyingType(targetType) is null ? Activator.CreateInstance(targetType) : null;
        }
        if (type.IsInstanceOfType(value))
        {
            return value;
        }
        try
        {
            return (type, value) switch
            {
                (_, string s) when type.IsEnum => Enum.Parse(type, s),
                (_, _) when type == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture),
                (_, int or long or double) when type == typeof(int) || type == typeof(long) || type == typeof(double) =>
                    System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
                (_, string s) when type == typeof(long) => long.Parse(s, CultureInfo.InvariantCulture),
                (_, DateTimeOffset d) when type == typeof(DateTime) => d.UtcDateTime,
                (_, DateTime d) when type == typeof(DateTimeOffset) => EdmValues.ToUtcOffset(d),
                (_, string s) when type == typeof(DateTimeOffset) => EdmValues.ParseDateTime(s),
                (_, string s) when type == typeof(DateTime) => EdmValues.ParseDateTime(s).UtcDateTime,
                (_, string s) when type == typeof(Guid) => Guid.Parse(s),
                (_, byte[] b) when type == typeof(BinaryData) => BinaryData.FromBytes(b),
                (_, BinaryData b) when type == typeof(byte[]) => b.ToArray(),
                (_, string s) when type == typeof(byte[]) => System.Convert.FromBase64String(s),
                (_, string s) when type == typeof(BinaryData) => BinaryData.FromBytes(System.Convert.FromBase64String(s)),
                _ => throw new InvalidCastException(),
            };
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Property '{name}' holds a {value.GetType().Name}, which cannot be read into a {targetType.Name} property.", ex);
        }
    }

    private sealed record MappedProperty(PropertyInfo Property, string WireName);
}
