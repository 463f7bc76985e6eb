namespace PowerFunctions.Domain.Supervision.CaseFiles;

/// <summary>
/// <c>manifest.json</c> of a case file: its format, the case and department, when it was assembled, the result of
/// re-walking the event chain (event count, valid, last hash), and every other entry of the zip with its SHA-256,
/// sorted by path. Whoever receives the zip recomputes each hash (<see cref="CaseFileManifests.Verify"/>).
/// </summary>
public sealed record CaseFileManifest(
    string Format,
    string CaseNo,
    string Department,
    DateTimeOffset CreatedAt,
    int Events,
    bool ChainValid,
    string? LastHash,
    IReadOnlyList<CaseFileEntry> Entries);
