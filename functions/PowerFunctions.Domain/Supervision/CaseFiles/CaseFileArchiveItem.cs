namespace PowerFunctions.Domain.Supervision.CaseFiles;

/// <summary>One case file inside a quarterly archive: the case, the day it closed, its file name in the archive (<c>{caseNo}.zip</c>), SHA-256 and size.</summary>
public sealed record CaseFileArchiveItem(string CaseNo, DateOnly ClosedOn, string FileName, string Sha256, long Size);
