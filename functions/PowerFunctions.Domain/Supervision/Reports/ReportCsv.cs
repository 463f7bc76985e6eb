using System.Globalization;
using System.Text;

namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// The report's table as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break
/// quoted and its quotes doubled), one header line of the JSON field names then one line per department in rank order.
/// Numbers are invariant (<c>0.9500</c>, <c>87.5</c>); an empty <c>onTimeRate</c> means nothing was decided. A text
/// field starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return gets a leading <c>'</c> so a
/// spreadsheet never runs it as a formula (CSV injection). UTF-8; the app adds a BOM if spreadsheets need one.
/// </summary>
public static class ReportCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "name", "received", "decided", "onTime", "onTimeRate", "overdue", "alertsRed", "alertsYellow",
        "complaints", "complaintsOnTime", "ratingsGood", "ratingsBad", "rectificationsOpen", "score", "rank",
    ];

    public static string Render(PeriodReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var r in report.Departments)
        {
            string[] fields =
            [
                Text(r.Code), Text(r.Name), N(r.Received), N(r.Decided), N(r.OnTime),
                r.OnTimeRate is { } rate ? rate.ToString("0.0000", CultureInfo.InvariantCulture) : string.Empty,
                N(r.Overdue), N(r.AlertsRed), N(r.AlertsYellow), N(r.Complaints), N(r.ComplaintsOnTime),
                N(r.RatingsGood), N(r.RatingsBad), N(r.RectificationsOpen),
                r.Score.ToString("0.0", CultureInfo.InvariantCulture), r.Rank.ToString(CultureInfo.InvariantCulture),
            ];
            csv.Append(string.Join(',', fields)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
