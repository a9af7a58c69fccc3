using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrgFunctions.Tests.OpenApi;

/// <summary>
/// A small JSON Schema (2020-12) check for the keywords the OpenAPI document uses, with <c>$ref</c>s resolved in the
/// document. A keyword it doesn't know fails loudly, so the document can't use one that this check would skip.
/// </summary>
public sealed class SchemaCheck(JsonElement document)
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "description", "summary", "title", "default", "examples", "deprecated", "readOnly", "writeOnly",
    };

    private static readonly Regex Rfc3339DateTime = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$");

    /// <summary>Every way <paramref name="instance"/> breaks <paramref name="schema"/>, as "path: reason" (empty when it conforms).</summary>
    public IReadOnlyList<string> Errors(JsonElement schema, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schema, instance, "$", errors);
        return errors;
    }

    /// <summary>The element a local reference (<c>#/components/schemas/Org</c>) points at.</summary>
    public JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references are supported: {reference}");
        }
        var node = document;
        foreach (var token in reference[2..].Split('/'))
        {
            var name = token.Replace("~1", "/").Replace("~0", "~");
            if (!node.TryGetProperty(name, out node))
            {
                throw new KeyNotFoundException($"{reference} does not resolve.");
            }
        }
        return node;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path}: no value is allowed here");
            return;
        }
        foreach (var keyword in schema.EnumerateObject())
        {
            var k = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref": Check(Resolve(k.GetString()!), value, path, errors); break;
                case "type": CheckType(k, value, path, errors); break;
                case "enum":
                    if (!k.EnumerateArray().Any(e => JsonElement.DeepEquals(e, value)))
                    {
                        errors.Add($"{path}: {value.GetRawText()} is not one of {k.GetRawText()}");
                    }
                    break;
                case "const":
                    if (!JsonElement.DeepEquals(k, value))
                    {
                        errors.Add($"{path}: {value.GetRawText()} is not {k.GetRawText()}");
                    }
                    break;
                case "properties":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in k.EnumerateObject())
                        {
                            if (value.TryGetProperty(property.Name, out var member))
                            {
                                Check(property.Value, member, $"{path}.{property.Name}", errors);
                            }
                        }
                    }
                    break;
                case "additionalProperties":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        var declared = schema.TryGetProperty("properties", out var p) ? p : default;
                        foreach (var member in value.EnumerateObject())
                        {
                            if (declared.ValueKind != JsonValueKind.Object || !declared.TryGetProperty(member.Name, out _))
                            {
                                Check(k, member.Value, $"{path}.{member.Name}", errors);
                            }
                        }
                    }
                    break;
                case "required":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var name in k.EnumerateArray().Select(n => n.GetString()!))
                        {
                            if (!value.TryGetProperty(name, out _))
                            {
                                errors.Add($"{path}.{name}: is required");
                            }
                        }
                    }
                    break;
                case "minProperties":
                    if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Count() < k.GetInt32())
                    {
                        errors.Add($"{path}: fewer than {k.GetInt32()} properties");
                    }
                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        var i = 0;
                        foreach (var item in value.EnumerateArray())
                        {
                            Check(k, item, $"{path}[{i++}]", errors);
                        }
                    }
                    break;
                case "minItems" or "maxItems":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        var count = value.GetArrayLength();
                        if (keyword.Name == "minItems" ? count < k.GetInt32() : count > k.GetInt32())
                        {
                            errors.Add($"{path}: {count} items breaks {keyword.Name} {k.GetInt32()}");
                        }
                    }
                    break;
                case "minLength" or "maxLength":
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        var length = value.GetString()!.EnumerateRunes().Count();
                        if (keyword.Name == "minLength" ? length < k.GetInt32() : length > k.GetInt32())
                        {
                            errors.Add($"{path}: length {length} breaks {keyword.Name} {k.GetInt32()}");
                        }
                    }
                    break;
                case "minimum" or "maximum":
                    if (value.ValueKind == JsonValueKind.Number)
                    {
                        var number = value.GetDecimal();
                        if (keyword.Name == "minimum" ? number < k.GetDecimal() : number > k.GetDecimal())
                        {
                            errors.Add($"{path}: {number} breaks {keyword.Name} {k.GetDecimal()}");
                        }
                    }
                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, k.GetString()!))
                    {
                        errors.Add($"{path}: '{value.GetString()}' does not match {k.GetString()}");
                    }
                    break;
                case "format": CheckFormat(k.GetString()!, value, path, errors); break;
                case "allOf":
                    foreach (var sub in k.EnumerateArray())
                    {
                        Check(sub, value, path, errors);
                    }
                    break;
                case "anyOf" or "oneOf":
                    var matches = k.EnumerateArray().Count(sub => Errors(sub, value).Count == 0);
                    if (matches == 0 || (keyword.Name == "oneOf" && matches > 1))
                    {
                        errors.Add($"{path}: matches {matches} of the {keyword.Name} schemas");
                    }
                    break;
                default:
                    if (!Annotations.Contains(keyword.Name))
                    {
                        throw new NotSupportedException($"SchemaCheck does not know the keyword '{keyword.Name}' (at {path}).");
                    }
                    break;
            }
        }
    }

    private static void CheckType(JsonElement type, JsonElement value, string path, List<string> errors)
    {
        var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        if (!allowed.Any(t => IsOfType(t, value)))
        {
            errors.Add($"{path}: {value.ValueKind} is not {string.Join("|", allowed)}");
        }
    }

    private static bool IsOfType(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.GetDecimal() == decimal.Truncate(value.GetDecimal()),
        _ => throw new NotSupportedException($"Unknown type '{type}'."),
    };

    private static void CheckFormat(string format, JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return;
        }
        var text = value.GetString()!;
        var ok = format switch
        {
            "date-time" => Rfc3339DateTime.IsMatch(text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "email" => text.IndexOf('@') is > 0 and var at && at < text.Length - 1,
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            _ => throw new NotSupportedException($"Unknown format '{format}'."),
        };
        if (!ok)
        {
            errors.Add($"{path}: '{text}' is not a {format}");
        }
    }
}
