namespace Microsoft.Azure.Functions.Worker;

/// <summary>The features of one invocation, keyed by type.</summary>
public interface IInvocationFeatures : IEnumerable<KeyValuePair<Type, object>>
{
    void Set<T>(T instance);

    T? Get<T>();
}
