using System.Globalization;
using System.Text.RegularExpressions;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// A report period of 周清月结季通报年考核 (seed 002), written <c>2026-W39</c> (ISO 8601 week: Monday to Sunday, week 1
/// holds the year's first Thursday, so 2026-W01 starts on 2025-12-29 and 2026 has 53 weeks), <c>2026-09</c>,
/// <c>2026-Q3</c> or <c>2026</c>. Dates are China dates (<see cref="From"/> and <see cref="To"/> inclusive); a period
/// closes at the first instant after its last day in China (<see cref="ClosesAt"/>): a week on the Monday after, a
/// month on the 1st. Years 2000–2099. Source: seed 002 (周清月结季通报年考核).
/// </summary>
public sealed partial record ReportPeriod
{
    public const string Source = "seed 002 (周清月结季通报年考核)";

    private ReportPeriod(ReportPeriodKind kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public ReportPeriodKind Kind { get; }

    /// <summary>The year (for a week: the ISO week-numbering year).</summary>
    public int Year { get; }

    /// <summary>The week (1–53), month (1–12) or quarter (1–4); 1 for a year.</summary>
    public int Number { get; }

    /// <summary>The canonical text: <c>2026-W39</c>, <c>2026-09</c>, <c>2026-Q3</c>, <c>2026</c>.</summary>
    public string Code => Kind switch
    {
        ReportPeriodKind.Week => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-W{Number:00}"),
        ReportPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Number:00}"),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-Q{Number}"),
        _ => Year.ToString("0000", CultureInfo.InvariantCulture),
    };

    /// <summary>The first day (China date).</summary>
    public DateOnly From => Kind switch
    {
        ReportPeriodKind.Week => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday)),
        ReportPeriodKind.Month => new DateOnly(Year, Number, 1),
        ReportPeriodKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The last day (China date, inclusive).</summary>
    public DateOnly To => Kind switch
    {
        ReportPeriodKind.Week => From.AddDays(6),
        ReportPeriodKind.Month => From.AddMonths(1).AddDays(-1),
        ReportPeriodKind.Quarter => From.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>The first instant after the last day in China: the period is closed from then on.</summary>
    public DateTimeOffset ClosesAt => ChinaTime.StartOf(To.AddDays(1));

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>True once the period has ended in China: its numbers may then be stored for good.</summary>
    public bool IsClosedAt(DateTimeOffset now) => now >= ClosesAt;

    public static ReportPeriod Week(int isoYear, int week) =>
        IsYear(isoYear) && week >= 1 && week <= ISOWeek.GetWeeksInYear(isoYear) ? new(ReportPeriodKind.Week, isoYear, week) : throw new ArgumentOutOfRangeException(nameof(week), $"{isoYear}-W{week} does not exist");

    public static ReportPeriod Month(int year, int month) =>
        IsYear(year) && month is >= 1 and <= 12 ? new(ReportPeriodKind.Month, year, month) : throw new ArgumentOutOfRangeException(nameof(month));

    public static ReportPeriod Quarter(int year, int quarter) =>
        IsYear(year) && quarter is >= 1 and <= 4 ? new(ReportPeriodKind.Quarter, year, quarter) : throw new ArgumentOutOfRangeException(nameof(quarter));

    public static ReportPeriod OfYear(int year) =>
        IsYear(year) ? new(ReportPeriodKind.Year, year, 1) : throw new ArgumentOutOfRangeException(nameof(year));

    /// <summary>The period of <paramref name="kind"/> that holds <paramref name="date"/>.</summary>
    public static ReportPeriod Containing(ReportPeriodKind kind, DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return kind switch
        {
            ReportPeriodKind.Week => Week(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt)),
            ReportPeriodKind.Month => Month(date.Year, date.Month),
            ReportPeriodKind.Quarter => Quarter(date.Year, ((date.Month - 1) / 3) + 1),
            _ => OfYear(date.Year),
        };
    }

    /// <summary>
    /// The periods that close at the start of <paramref name="day"/> (what the closing timer of that day stores): the
    /// week on a Monday, the month on the 1st, the quarter on 1 January, April, July and October, the year on 1 January.
    /// </summary>
    public static IReadOnlyList<ReportPeriod> ClosingOn(DateOnly day)
    {
        var last = day.AddDays(-1);
        var closing = new List<ReportPeriod>();
        foreach (var kind in Enum.GetValues<ReportPeriodKind>())
        {
            var period = Containing(kind, last);
            if (period.To == last)
            {
                closing.Add(period);
            }
        }

        return closing;
    }

    /// <summary>Parses <c>2026-W39</c>, <c>2026-09</c>, <c>2026-Q3</c> or <c>2026</c>; <c>report.invalid_period</c> otherwise.</summary>
    public static Result<ReportPeriod> Parse(string? text)
    {
        if (text is null || PeriodPattern().Match(text) is not { Success: true } m)
        {
            return ReportErrors.InvalidPeriod(text, "not one of the four forms");
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (!IsYear(year))
        {
            return ReportErrors.InvalidPeriod(text, "the year must be 2000–2099");
        }

        if (m.Groups["week"].Success)
        {
            var week = int.Parse(m.Groups["week"].Value, CultureInfo.InvariantCulture);
            return week >= 1 && week <= ISOWeek.GetWeeksInYear(year)
                ? Week(year, week)
                : ReportErrors.InvalidPeriod(text, $"{year} has ISO weeks 01–{ISOWeek.GetWeeksInYear(year)}");
        }

        if (m.Groups["month"].Success)
        {
            var month = int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? Month(year, month) : ReportErrors.InvalidPeriod(text, "the month must be 01–12");
        }

        if (m.Groups["quarter"].Success)
        {
            return Quarter(year, m.Groups["quarter"].Value[0] - '0');
        }

        return OfYear(year);
    }

    public override string ToString() => Code;

    private static bool IsYear(int year) => year is >= 2000 and <= 2099;

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:-W(?<week>[0-9]{2})|-(?<month>[0-9]{2})|-Q(?<quarter>[1-4]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();
}
