namespace OrgFunctions.LocalHost.Hosting;

/// <summary>
/// The local host's own command-line options, taken out of the arguments before ASP.NET Core reads the rest:
/// <c>--port N</c>, <c>--functions-assembly PATH</c> (repeatable), <c>--settings PATH</c> (a local.settings.json) and
/// <c>--enable-admin</c> (the development flag that maps the admin endpoint; no value).
/// </summary>
internal sealed record LocalHostArguments(string[] Remaining, Dictionary<string, string?> Configuration, string? SettingsFile)
{
    public static LocalHostArguments Parse(IReadOnlyList<string> args)
    {
        var remaining = new List<string>();
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? settingsFile = null;
        var assemblies = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "--port":
                    configuration[$"{LocalHostSettings.Section}:{nameof(LocalHostSettings.Port)}"] = Value(args, ref i, name, inlineValue);
                    break;
                case "--functions-assembly":
                    configuration[$"{LocalHostSettings.Section}:{nameof(LocalHostSettings.FunctionsAssemblies)}:{assemblies++}"] =
                        Path.GetFullPath(Value(args, ref i, name, inlineValue));
                    break;
                case "--enable-admin":
                    configuration[$"{LocalHostSettings.Section}:{nameof(LocalHostSettings.EnableAdminEndpoints)}"] = inlineValue ?? "true";
                    break;
                case "--settings":
                    settingsFile = Path.GetFullPath(Value(args, ref i, name, inlineValue));
                    break;
                default:
                    remaining.Add(args[i]);
                    break;
            }
        }
        return new LocalHostArguments(remaining.ToArray(), configuration, settingsFile);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name, string? inlineValue)
    {
        if (inlineValue is not null)
        {
            return inlineValue;
        }
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{name} needs a value.");
        }
        return args[++i];
    }
}
