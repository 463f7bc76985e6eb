namespace PowerFunctions.App.Tests.Hosting;

/// <summary>The repository's root folder (where PowerFunctions.sln is), found from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "PowerFunctions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PowerFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
