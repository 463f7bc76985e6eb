using System.Globalization;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Rendering;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision.Reports;

/// <summary>
/// The quarterly 通报 (季通报, seed 002: 周清月结季通报年考核) of a closed quarter's report: a sealed
/// <see cref="DocumentType.SupervisionBulletin"/> of the supervision body to every department, with the totals, the
/// ranking table (rank, department, received, decided, on-time rate, overdue, red/yellow alerts, complaints, open
/// rectifications, score) and a bar chart of the scores in rank order. Its id is fixed per quarter
/// (<see cref="DocumentId"/>), so issuing it again gives the same document.
/// </summary>
public static class QuarterlyBulletin
{
    public const string StorageFolder = "supervision/bulletins";

    /// <summary>The id the supervision centre gives the bulletin of <paramref name="quarter"/> (<c>supervision-bulletin-2026-Q3</c>).</summary>
    public static string DocumentId(string quarter) => "supervision-bulletin-" + quarter;

    public static DocumentRequest Request(PeriodReport report, ReportPeriod quarter, SupervisionOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(quarter);
        ArgumentNullException.ThrowIfNull(options);
        var rows = report.Departments.OrderBy(d => d.Rank).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        var inv = CultureInfo.InvariantCulture;
        var decided = rows.Sum(d => d.Decided);
        var onTime = rows.Sum(d => d.OnTime);
        var rate = decided > 0 ? $"（按期办结率{Percent((decimal)onTime / decided)}）" : string.Empty;
        var summary = string.Create(inv, $"本季度参评部门{rows.Count}个，共受理办件{rows.Sum(d => d.Received)}件，办结{decided}件，其中按期办结{onTime}件{rate}，超期{rows.Sum(d => d.Overdue)}件；发出红色预警{rows.Sum(d => d.AlertsRed)}次、黄色预警{rows.Sum(d => d.AlertsYellow)}次；收到投诉{rows.Sum(d => d.Complaints)}件；季末未完成整改{rows.Sum(d => d.RectificationsOpen)}项。");
        var paragraphs = new List<string> { summary };
        if (rows.Count > 1 && rows[^1].Score < rows[0].Score)
        {
            paragraphs.Add(string.Create(inv, $"综合得分最低的是{rows[^1].Name}（{rows[^1].Score:0.0}分），请该部门认真分析原因，限期整改。"));
        }

        return new DocumentRequest
        {
            DocumentId = DocumentId(quarter.Code),
            Type = DocumentType.SupervisionBulletin,
            CaseNo = "TB-" + quarter.Code,
            DepartmentCode = options.IssuerCode,
            DepartmentName = options.IssuerName,
            ApplicantName = "各有关部门",
            Addressee = "各有关部门",
            ItemName = $"{quarter.Year}年第{"一二三四"[quarter.Number - 1]}季度",
            IssuedAt = now,
            Fields =
            [
                new DocumentField("通报期间", $"{Chinese(quarter.From)}至{Chinese(quarter.To)}"),
                new DocumentField("参评部门", string.Create(inv, $"{rows.Count}个")),
            ],
            Paragraphs = paragraphs,
            Blocks =
            [
                new DocumentTable(
                    "各部门行政权力运行情况及排名",
                    [
                        new DocumentTableColumn("名次", 0.7, TextAlign.Center), new DocumentTableColumn("部门", 2.6),
                        new DocumentTableColumn("受理", 0.8, TextAlign.End), new DocumentTableColumn("办结", 0.8, TextAlign.End),
                        new DocumentTableColumn("按期率", 1, TextAlign.End), new DocumentTableColumn("超期", 0.8, TextAlign.End),
                        new DocumentTableColumn("红/黄预警", 1.1, TextAlign.Center), new DocumentTableColumn("投诉", 0.8, TextAlign.End),
                        new DocumentTableColumn("未完成整改", 1.1, TextAlign.End), new DocumentTableColumn("得分", 0.9, TextAlign.End),
                    ],
                    [.. rows.Select(d => (IReadOnlyList<string>)
                    [
                        d.Rank.ToString(inv), d.Name, d.Received.ToString(inv), d.Decided.ToString(inv),
                        d.OnTimeRate is { } rate ? Percent(rate) : "—", d.Overdue.ToString(inv),
                        $"{d.AlertsRed.ToString(inv)}/{d.AlertsYellow.ToString(inv)}", d.Complaints.ToString(inv),
                        d.RectificationsOpen.ToString(inv), d.Score.ToString("0.0", inv),
                    ])]),
                new DocumentBarChart("各部门综合得分", "分", [.. rows.Select(d => new DocumentBar(d.Name, (double)d.Score))]),
            ],
            StorageFolder = StorageFolder,
        };
    }

    private static string Percent(decimal rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Chinese(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");
}
