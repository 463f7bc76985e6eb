using System.Reflection;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>The function app's own build output folder (the same configuration as this test build), where the Worker SDK writes functions.metadata.</summary>
internal static class AppBuildOutput
{
    public static string Path { get; } = System.IO.Path.GetFullPath(
        typeof(AppBuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AppBuildOutput").Value!);
}
