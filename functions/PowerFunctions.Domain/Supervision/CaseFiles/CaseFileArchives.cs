using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.Domain.Supervision.CaseFiles;

/// <summary>
/// The quarterly archive of each department's closed case files (seed 000, seed 002: 行权案卷 for inspectors): one
/// write-once blob <c>casefiles/{department}/{2026-Q3}.zip</c> holding <c>{caseNo}.zip</c> per case closed in the
/// quarter (each case file as the case file route gives it, so its own manifest still verifies), listed by
/// <see cref="Listing"/> (stored beside it as <c>.json</c>). The zip writing is the app's.
/// </summary>
public static class CaseFileArchives
{
    public const string Source = "seed 000, seed 002 (行权案卷)";

    public static string BlobName(string department, ReportPeriod quarter)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        return $"casefiles/{department}/{quarter.Code}.zip";
    }

    public static string ListingBlobName(string department, ReportPeriod quarter) => BlobName(department, quarter)[..^4] + ".json";

    public static CaseFileArchiveItem Item(string caseNo, DateOnly closedOn, string sha256, long size) => new(caseNo, closedOn, caseNo + ".zip", sha256, size);

    /// <summary>
    /// The listing of <paramref name="department"/>'s archive for <paramref name="quarter"/>: a quarter only, every
    /// case closed inside it, each case once, sorted by case number. Source: seed 000, seed 002.
    /// </summary>
    public static Result<CaseFileArchiveListing> Listing(string department, ReportPeriod quarter, IEnumerable<CaseFileArchiveItem> items, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        var problems = new List<string>();
        if (quarter.Kind != ReportPeriodKind.Quarter)
        {
            problems.Add($"{quarter.Code} is not a quarter");
        }

        if (!SupervisionText.IsCode(department))
        {
            problems.Add("department is not a code");
        }

        problems.AddRange(list.Where(i => !quarter.Contains(i.ClosedOn)).Select(i => $"{i.CaseNo} closed on {SupervisionText.Iso(i.ClosedOn)}, outside {quarter.Code}"));
        problems.AddRange(list.GroupBy(i => i.CaseNo, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} twice"));
        problems.AddRange(list.Where(i => !SupervisionText.IsCode(i.CaseNo)).Select(i => $"'{i.CaseNo}' is not a case number"));
        if (problems.Count > 0)
        {
            return DomainError.Validation("case_file.invalid_archive", "季度行权案卷归档内容无效", string.Join("; ", problems));
        }

        return new CaseFileArchiveListing(department, quarter.Code, BlobName(department, quarter), createdAt, [.. list.OrderBy(i => i.CaseNo, StringComparer.Ordinal)], list.Sum(i => i.Size));
    }
}
