using System.Security.Cryptography;
using System.Text.Json;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.CaseFiles;

/// <summary>
/// The case file (行权案卷) for inspectors (seed 000, seed 002): a zip of <c>manifest.json</c> (this builder),
/// <c>case.json</c> (the events), <c>chain.json</c> (the chain verification) and every sealed document with its seal
/// (<c>documents/{id}.pdf</c>, <c>documents/{id}.seal.json</c>). The manifest lists every other entry with its SHA-256
/// and size; its JSON is deterministic (entries sorted by path, camelCase, Chinese unescaped, indented) so the same
/// case gives the same bytes. Paths are relative, forward slashes, no <c>.</c>/<c>..</c> segments (no zip-slip).
/// The zip writing is the app's. Source: seed 000, seed 002 (行权案卷).
/// </summary>
public static class CaseFileManifests
{
    public const string Source = "seed 000, seed 002 (行权案卷)";

    public const string Format = "powerfunctions.casefile/1";

    public const string ManifestPath = "manifest.json";

    public const string CasePath = "case.json";

    public const string ChainPath = "chain.json";

    private static readonly JsonSerializerOptions Json = new(HashChain.DataOptions) { WriteIndented = true };

    public static string DocumentPath(string documentId) => $"documents/{documentId}.pdf";

    public static string SealPath(string documentId) => $"documents/{documentId}.seal.json";

    /// <summary>The entry for <paramref name="content"/> at <paramref name="path"/> (hashing it).</summary>
    public static CaseFileEntry Entry(string path, ReadOnlySpan<byte> content, string contentType)
    {
        if (!IsSafePath(path))
        {
            throw new ArgumentException($"'{path}' is not a safe relative path", nameof(path));
        }

        return new CaseFileEntry(path, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, contentType);
    }

    /// <summary>
    /// The manifest of <paramref name="caseNo"/>: <c>case.json</c> and <c>chain.json</c> must be among the entries,
    /// paths unique and safe, <c>manifest.json</c> not (it cannot hold its own hash). Source: seed 000, seed 002.
    /// </summary>
    public static Result<CaseFileManifest> Build(string caseNo, string department, DateTimeOffset createdAt, ChainVerification chain, IEnumerable<CaseFileEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var problems = new List<string>();
        if (!SupervisionText.IsCode(caseNo) || !SupervisionText.IsCode(department))
        {
            problems.Add("case number or department is not a code");
        }

        problems.AddRange(list.Where(e => !IsSafePath(e.Path)).Select(e => $"unsafe path '{e.Path}'"));
        problems.AddRange(list.GroupBy(e => e.Path, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"path '{g.Key}' twice"));
        problems.AddRange(list.Where(e => e.Sha256.Length != 64 || !e.Sha256.All(char.IsAsciiHexDigitLower)).Select(e => $"'{e.Path}' has no SHA-256"));
        if (list.Any(e => e.Path == ManifestPath))
        {
            problems.Add("manifest.json cannot list itself");
        }

        foreach (var required in new[] { CasePath, ChainPath })
        {
            if (list.All(e => e.Path != required))
            {
                problems.Add($"{required} is missing");
            }
        }

        if (problems.Count > 0)
        {
            return DomainError.Validation("case_file.invalid", "行权案卷内容不完整", string.Join("; ", problems));
        }

        return new CaseFileManifest(Format, caseNo, department, createdAt, chain.Events, chain.Valid, chain.LastHash, [.. list.OrderBy(e => e.Path, StringComparer.Ordinal)]);
    }

    /// <summary>The UTF-8 JSON of <c>manifest.json</c>: deterministic for one manifest.</summary>
    public static byte[] ToJson(CaseFileManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, Json);

    public static CaseFileManifest? FromJson(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<CaseFileManifest>(json, Json);

    /// <summary>
    /// Checks a received case file against its manifest: every listed entry present with the same SHA-256 and size,
    /// nothing unlisted besides <c>manifest.json</c>. Answers the problems (none: intact).
    /// </summary>
    public static IReadOnlyList<string> Verify(CaseFileManifest manifest, IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        foreach (var e in manifest.Entries)
        {
            if (!files.TryGetValue(e.Path, out var bytes))
            {
                problems.Add($"{e.Path}: missing");
            }
            else if (bytes.Length != e.Size || Convert.ToHexStringLower(SHA256.HashData(bytes)) != e.Sha256)
            {
                problems.Add($"{e.Path}: changed (SHA-256 differs from the manifest)");
            }
        }

        problems.AddRange(files.Keys.Where(p => p != ManifestPath && manifest.Entries.All(e => e.Path != p)).Order(StringComparer.Ordinal).Select(p => $"{p}: not in the manifest"));
        return problems;
    }

    /// <summary>A relative path of segments of letters, digits, <c>-</c>, <c>_</c>, <c>.</c> (no empty, <c>.</c> or <c>..</c> segment), at most 200 characters.</summary>
    public static bool IsSafePath(string? path) =>
        path is { Length: > 0 and <= 200 }
        && path.Split('/').All(s => s.Length > 0 && s != "." && s != ".." && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'));
}
