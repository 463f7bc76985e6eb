namespace PowerFunctions.Storage.Tests.Embedded;

/// <summary>Temporary data folders for embedded-store tests.</summary>
public static class TempFolder
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "pf-storage-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes the folder; a file still held by a straggling process is left for the OS to clean.</summary>
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
