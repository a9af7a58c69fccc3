using System.Text.Json;
using OrgFunctions.Application;

namespace OrgFunctions.Http;

/// <summary>
/// Reads the fields of one JSON object, collecting an error for each missing, mistyped or out-of-range field
/// instead of stopping at the first. <see cref="RejectUnknownFields"/> then names every field nobody asked for.
/// </summary>
public sealed class JsonObjectReader
{
    private readonly JsonElement _object;
    private readonly string _path;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public JsonObjectReader(JsonElement jsonObject, FieldErrors errors, string path = "")
    {
        if (jsonObject.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("Not a JSON object.", nameof(jsonObject));
        }
        _object = jsonObject;
        Errors = errors;
        _path = path;
    }

    public FieldErrors Errors { get; }

    public string? String(string name, bool required = false, int minLength = 0, int maxLength = int.MaxValue)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail<string>(name, "must be a string");
        }
        var text = value.GetString()!;
        var length = text.Trim().Length;
        if (length < minLength || text.Length > maxLength)
        {
            return Fail<string>(name, minLength > 0 && length == 0 ? "must not be empty" : $"must be {minLength} to {maxLength} characters");
        }
        return text;
    }

    public int? Int32(string name, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            return FailValue<int>(name, "must be a whole number");
        }
        return number < min || number > max ? FailValue<int>(name, $"must be from {min} to {max}") : number;
    }

    public bool? Boolean(string name, bool required = false)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : FailValue<bool>(name, "must be true or false");
    }

    public IReadOnlyList<string>? StringArray(string name, bool required = false, int maxItems = 1000)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail<IReadOnlyList<string>>(name, "must be an array of strings");
        }
        if (value.GetArrayLength() > maxItems)
        {
            return Fail<IReadOnlyList<string>>(name, $"must have at most {maxItems} items");
        }
        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                Errors.Add($"{PathOf(name)}[{index}]", "must be a string");
            }
            index++;
        }
        return items;
    }

    /// <summary>A nested object's reader (its errors land in the same collection, with a dotted path).</summary>
    public JsonObjectReader? Object(string name, bool required = false)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Object
            ? new JsonObjectReader(value, Errors, PathOf(name))
            : Fail<JsonObjectReader>(name, "must be an object");
    }

    /// <summary>A field's raw JSON, for values whose type depends on another field (e.g. a setting's name).</summary>
    public JsonElement? Raw(string name, bool required = false) => TryGet(name, required, out var value) ? value : null;

    /// <summary>True if the field is present, even as <c>null</c> (where null means "clear it"); marks it known.</summary>
    public bool Has(string name)
    {
        _known.Add(name);
        return _object.TryGetProperty(name, out _);
    }

    /// <summary>Every property of this object, marking them all as known.</summary>
    public IEnumerable<(string Name, JsonElement Value)> Properties()
    {
        foreach (var property in _object.EnumerateObject())
        {
            _known.Add(property.Name);
            yield return (property.Name, property.Value);
        }
    }

    public void RejectUnknownFields()
    {
        foreach (var property in _object.EnumerateObject())
        {
            if (!_known.Contains(property.Name))
            {
                Errors.Add(PathOf(property.Name), "is not a known field");
            }
        }
    }

    public string PathOf(string name) => _path.Length == 0 ? name : _path + "." + name;

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        _known.Add(name);
        if (_object.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        if (required)
        {
            Errors.Add(PathOf(name), "is required");
        }
        return false;
    }

    private T? Fail<T>(string name, string reason) where T : class
    {
        Errors.Add(PathOf(name), reason);
        return null;
    }

    private T? FailValue<T>(string name, string reason) where T : struct
    {
        Errors.Add(PathOf(name), reason);
        return null;
    }
}
