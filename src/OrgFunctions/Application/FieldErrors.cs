namespace OrgFunctions.Application;

/// <summary>Invalid fields of one request, by JSON path (<c>owner.email</c>, <c>names[2]</c>), each with its reasons.</summary>
public sealed class FieldErrors
{
    private readonly SortedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>How many reasons have been added (a reader can tell whether it added any).</summary>
    public int Count => _errors.Values.Sum(r => r.Count);

    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            _errors[field] = reasons = [];
        }
        reasons.Add(reason);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
}
