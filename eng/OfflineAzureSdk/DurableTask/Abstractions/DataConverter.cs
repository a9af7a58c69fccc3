using System.Diagnostics.CodeAnalysis;

namespace Microsoft.DurableTask;

/// <summary>Serializes what passes to and from orchestrators and activities (Microsoft.DurableTask.Abstractions).</summary>
public abstract class DataConverter
{
    [return: NotNullIfNotNull("value")]
    public abstract string? Serialize(object? value);

    [return: NotNullIfNotNull("data")]
    public abstract object? Deserialize(string? data, Type targetType);

    [return: NotNullIfNotNull("data")]
    public virtual T? Deserialize<T>(string? data) => (T?)(Deserialize(data, typeof(T)) ?? default(T));
}
