using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.Domain.Tests.Supervision.Reports;

[Trait("Source", "seed 002 (周清月结季通报年考核)")]
public sealed class ReportCsvTests
{
    private static DepartmentReportRow Row(string code, string name, decimal? rate = 0.75m) =>
        new(code, name, 10, 8, 6, rate, 2, 3, 4, 5, 3, 9, 1, 1, 71.9m, 1, DepartmentCounters.Zero);

    [Fact]
    public void Render_HeaderThenOneLinePerDepartment_CrLf()
    {
        var csv = ReportCsv.Render(new PeriodReport("2026-09", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), true, [Row("D01", "市场监督管理局"), Row("D02", "住建局", null) with { Score = 100m, Rank = 2 }]));

        Assert.Equal(
            "code,name,received,decided,onTime,onTimeRate,overdue,alertsRed,alertsYellow,complaints,complaintsOnTime,ratingsGood,ratingsBad,rectificationsOpen,score,rank\r\n"
            + "D01,市场监督管理局,10,8,6,0.7500,2,3,4,5,3,9,1,1,71.9,1\r\n"
            + "D02,住建局,10,8,6,,2,3,4,5,3,9,1,1,100.0,2\r\n",
            csv);
    }

    [Theory]
    [InlineData("住建局, 规划科", "\"住建局, 规划科\"")]
    [InlineData("\"城管\"局", "\"\"\"城管\"\"局\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("@SUM", "'@SUM")]
    [InlineData("第一\n第二", "\"第一\n第二\"")]
    public void Render_Names_QuotedAndNeverAFormula(string name, string field)
    {
        var csv = ReportCsv.Render(new PeriodReport("2026-09", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), true, [Row("D01", name)]));

        Assert.StartsWith("D01," + field + ",10,", csv.Split("\r\n")[1], StringComparison.Ordinal);
    }
}
