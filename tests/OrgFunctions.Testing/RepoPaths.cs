namespace OrgFunctions.Testing;

public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the nearest ancestor of the test binaries holding OrgFunctions.sln.</summary>
    public static string Root => LazyRoot.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrgFunctions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No OrgFunctions.sln above {AppContext.BaseDirectory}.");
    }
}
