namespace PowerFunctions.Domain.Supervision.CaseFiles;

/// <summary>
/// The listing of one department's quarterly archive of closed case files, as inspectors see it: the department, the
/// quarter (<c>2026-Q3</c>), the archive's blob name (write-once), when it was assembled, the case files in it (by case
/// number) and their total size.
/// </summary>
public sealed record CaseFileArchiveListing(
    string Department,
    string Quarter,
    string BlobName,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CaseFileArchiveItem> Cases,
    long TotalBytes);
