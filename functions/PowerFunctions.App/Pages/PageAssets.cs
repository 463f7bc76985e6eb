using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace PowerFunctions.App.Pages;

/// <summary>
/// The web pages (<c>wwwroot/</c>, embedded in the assembly as <c>pages/…</c>), loaded once: every file with
/// its content type, ETag and compressed copies, and one <see cref="Version"/> over all of them. The HTML
/// files' <c>"/assets/…"</c> references are rewritten to <c>"/assets/{Version}/…"</c>, so assets can be cached
/// for a year and a deployment changes their URLs; the modules import each other by relative paths, which
/// stay inside the same versioned folder with no rewriting.
/// </summary>
public sealed class PageAssets
{
    public const string ResourcePrefix = "pages/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".json"] = "application/json; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    };

    private readonly Dictionary<string, PageAsset> _files;

    public PageAssets()
        : this(typeof(PageAssets).Assembly)
    {
    }

    public PageAssets(Assembly assembly)
    {
        var raw = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToDictionary(n => n[ResourcePrefix.Length..].Replace('\\', '/'), n => Read(assembly, n), StringComparer.Ordinal);
        Version = VersionOf(raw);
        _files = raw.ToDictionary(f => f.Key, f => Asset(f.Key, Rewrite(f.Key, f.Value)), StringComparer.Ordinal);
    }

    /// <summary>The first 12 hex digits of the SHA-256 over every file's path and bytes.</summary>
    public string Version { get; }

    public IReadOnlyCollection<string> Paths => _files.Keys;

    /// <summary>The file at <paramref name="path"/> (relative to wwwroot, e.g. <c>assets/site.css</c>).</summary>
    public PageAsset? Find(string path) => _files.GetValueOrDefault(path);

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string VersionOf(Dictionary<string, byte[]> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private byte[] Rewrite(string path, byte[] bytes) =>
        path.EndsWith(".html", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"/assets/", $"\"/assets/{Version}/", StringComparison.Ordinal))
            : bytes;

    private static PageAsset Asset(string path, byte[] bytes)
    {
        var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
        var compressible = !type.StartsWith("image/png", StringComparison.Ordinal);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
        return new PageAsset(path, type, bytes,
            compressible ? Smaller(bytes, Compress(bytes, s => new BrotliStream(s, CompressionLevel.SmallestSize))) : null,
            compressible ? Smaller(bytes, Compress(bytes, s => new GZipStream(s, CompressionLevel.SmallestSize))) : null,
            etag);
    }

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[]? Smaller(byte[] original, byte[] compressed) => compressed.Length < original.Length ? compressed : null;
}
