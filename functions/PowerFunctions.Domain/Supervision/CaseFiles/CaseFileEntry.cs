namespace PowerFunctions.Domain.Supervision.CaseFiles;

/// <summary>One file of a case file (行权案卷): its path inside the zip, SHA-256 (lower-case hex), size in bytes and content type.</summary>
public sealed record CaseFileEntry(string Path, string Sha256, long Size, string ContentType);
