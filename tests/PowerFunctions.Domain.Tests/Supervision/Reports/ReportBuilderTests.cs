using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.Domain.Tests.Supervision.Reports;

[Trait("Source", "seed 002 (周清月结季通报年考核)")]
public sealed class ReportBuilderTests
{
    private static readonly ReportPeriod September = ReportPeriod.Month(2026, 9);
    private static readonly DateTimeOffset AfterSeptember = new(2026, 10, 1, 1, 0, 0, ChinaTime.Offset);

    private static readonly ReportDepartment[] Departments = [new("D01", "市场监督管理局"), new("D02", "住房和城乡建设局"), new("D03", "交通运输局")];

    private static DailyCounters Day(string department, int month, int day, params (Counter Counter, long Value)[] values) =>
        new(department, new DateOnly(2026, month, day), DepartmentCounters.FromValues(values.Select(v => new KeyValuePair<Counter, long>(v.Counter, v.Value))));

    /// <summary>
    /// D01: received 10, decided 8 (6 on time), overdue 2, red 3, yellow 4, tickets 5, answered 4 (3 on time), ratings 9/1,
    /// one rectification open. D02: nothing at all. D03: 4 received and decided on time. D04: counted but not listed.
    /// September only: the days of 31 August and 1 October must be ignored.
    /// </summary>
    private static DailyCounters[] Days() =>
    [
        Day("D01", 9, 1, (Counter.Received, 6), (Counter.Decided, 5), (Counter.DecidedOnTime, 4), (Counter.AlertsYellow, 4), (Counter.Complaints, 5)),
        Day("D01", 9, 30, (Counter.Received, 4), (Counter.Decided, 3), (Counter.DecidedOnTime, 2), (Counter.Overdue, 2), (Counter.AlertsRed, 3),
            (Counter.ComplaintsAnswered, 4), (Counter.ComplaintsOnTime, 3), (Counter.RatingsGood, 9), (Counter.RatingsBad, 1)),
        Day("D01", 8, 31, (Counter.Received, 100), (Counter.AlertsRed, 100)),
        Day("D01", 10, 1, (Counter.Received, 100), (Counter.AlertsRed, 100)),
        Day("D03", 9, 15, (Counter.Received, 4), (Counter.Decided, 4), (Counter.DecidedOnTime, 4)),
        Day("D04", 9, 15, (Counter.Received, 1), (Counter.AlertsRed, 1)),
    ];

    private static PeriodReport Build() => ReportBuilder.Build(September, Departments, Days(), new Dictionary<string, long> { ["D01"] = 1 }, AfterSeptember);

    [Fact]
    public void Build_SumsTheDaysOfThePeriod_EveryColumnAsComputedByHand()
    {
        var d01 = Build().Departments.Single(r => r.Code == "D01");

        Assert.Equal(
            ("市场监督管理局", 10L, 8L, 6L, 0.75m, 2L, 3L, 4L, 5L, 3L, 9L, 1L, 1L),
            (d01.Name, d01.Received, d01.Decided, d01.OnTime, d01.OnTimeRate, d01.Overdue, d01.AlertsRed, d01.AlertsYellow, d01.Complaints, d01.ComplaintsOnTime, d01.RatingsGood, d01.RatingsBad, d01.RectificationsOpen));
    }

    [Fact]
    public void Score_ByTheFormula_ComputedByHand()
    {
        // T = 6/8 → 37.5; C = 3/4 → 11.25; S = 9/10 → 13.5; A = 1 − (3 + 4/4)/(10 + 5) = 11/15 → 14.667; R = 1 → −5
        // 37.5 + 11.25 + 13.5 + 14.667 − 5 = 71.917 → 71.9
        var rows = Build().Departments;

        Assert.Equal(71.9m, rows.Single(r => r.Code == "D01").Score);
        Assert.Equal(100.0m, rows.Single(r => r.Code == "D02").Score);
        Assert.Equal(100.0m, rows.Single(r => r.Code == "D03").Score);
        // D04: 1 received, 1 red: A = 1 − 1/1 = 0 → 80
        Assert.Equal(80.0m, rows.Single(r => r.Code == "D04").Score);
    }

    [Fact]
    public void Rank_TiesShareARankAndTheNextSkips_ListedByCode()
    {
        var rows = Build().Departments;

        Assert.Equal([("D02", 1), ("D03", 1), ("D04", 3), ("D01", 4)], rows.Select(r => (r.Code, r.Rank)));
    }

    [Fact]
    public void Build_EveryListedDepartmentHasALine_AnUnlistedOneShowsItsCode()
    {
        var rows = Build().Departments;

        var d02 = rows.Single(r => r.Code == "D02");
        Assert.Equal((0L, (decimal?)null), (d02.Decided, d02.OnTimeRate));
        Assert.Equal("D04", rows.Single(r => r.Code == "D04").Name);
    }

    [Fact]
    public void Build_PeriodAndFinal()
    {
        var report = Build();

        Assert.Equal(("2026-09", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), true), (report.Period, report.From, report.To, report.Final));
        Assert.False(ReportBuilder.Build(September, Departments, Days(), new Dictionary<string, long>(), new DateTimeOffset(2026, 9, 30, 23, 0, 0, ChinaTime.Offset)).Final);
    }

    [Fact]
    public void Build_SameCountersInAnyOrder_SameReport()
    {
        var again = ReportBuilder.Build(September, Departments.Reverse(), Days().Reverse(), new Dictionary<string, long> { ["D01"] = 1 }, AfterSeptember);

        Assert.Equal(Build().Departments, again.Departments);
    }

    [Fact]
    public void Score_ManyViolations_IsClampedAtZero()
    {
        var counts = DepartmentCounters.Zero.With(Counter.Decided, 10).With(Counter.AlertsRed, 50).With(Counter.Received, 10);

        Assert.Equal(0m, ReportScore.Of(counts, 20));
    }

    [Theory]
    [InlineData(2, 3, 0.6667)]
    [InlineData(1, 8, 0.125)]
    [InlineData(7, 7, 1)]
    public void OnTimeRate_FourDecimals(long onTime, long decided, double expected)
    {
        var day = Day("D01", 9, 2, (Counter.Decided, decided), (Counter.DecidedOnTime, onTime));

        var row = ReportBuilder.Build(September, Departments, [day], new Dictionary<string, long>(), AfterSeptember).Departments.Single(r => r.Code == "D01");

        Assert.Equal((decimal)expected, row.OnTimeRate);
    }

    [Fact]
    public void RectificationStock_OpenAtEnd_IsOpenNowLessWhatCameAfter()
    {
        DailyCounters[] after = [Day("D01", 10, 1, (Counter.RectificationsIssued, 2)), Day("D01", 10, 2, (Counter.RectificationsAccepted, 1))];

        Assert.Equal(3, RectificationStock.OpenAtEnd(4, after));
    }

    [Fact]
    public void DepartmentCounters_PlusAndWith_AreValues()
    {
        var a = DepartmentCounters.Zero.With(Counter.Received, 2);
        var b = DepartmentCounters.Zero.With(Counter.Received, 1).With(Counter.RatingsBad, 1);

        Assert.Equal(DepartmentCounters.Zero.With(Counter.Received, 3).With(Counter.RatingsBad, 1), a.Plus(b));
        Assert.Equal(0, DepartmentCounters.Zero.Received);
    }
}
