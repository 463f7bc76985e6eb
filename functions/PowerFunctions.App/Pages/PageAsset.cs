namespace PowerFunctions.App.Pages;

/// <summary>
/// One file of the web pages as served: its bytes, Brotli and gzip copies when they are smaller, its
/// content type and the strong ETag of the uncompressed bytes.
/// </summary>
public sealed record PageAsset(string Path, string ContentType, byte[] Bytes, byte[]? Brotli, byte[]? Gzip, string ETag)
{
    /// <summary>HTML is the entry point: the pages' Content-Security-Policy goes with it.</summary>
    public bool IsHtml => ContentType.StartsWith("text/html", StringComparison.Ordinal);
}
