using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Guidance;

namespace PowerFunctions.Domain.Tests.Guidance;

public sealed class GuidanceTests
{
    private static readonly IWorkingCalendar Calendar = OfficialSchedules.Calendar();

    private static GuidanceEntry Entry(string id = "G-1", string department = "D04", GuidanceMeasure measure = GuidanceMeasure.Advice, int days = 5, int month = 9, int day = 24) =>
        GuidanceEntry.Register(id, department, "郑州某某机械有限公司", measure, "建议于十月底前完成全员安全生产培训", "《中华人民共和国安全生产法》第二十八条", days, "o-a", new DateOnly(2026, month, day)).Value;

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    [Trait("Source", "seed 003 (行政指导方案)")]
    public void Register_Empty_ListsEveryProblem()
    {
        var result = GuidanceEntry.Register("G-1", " ", null, null, "", "", 0, "o-a", new DateOnly(2026, 9, 24));

        Assert.Equal(GuidanceErrors.ValidationFailed, result.Error!.Code);
        Assert.Equal(["basis", "content", "department", "followUpWorkingDays", "measure", "target"], result.Error.Errors!.Keys.Order());
    }

    [Theory]
    [Trait("Source", "seed 003 (行政指导方案: 回访复查)")]
    [InlineData(5, "2026-10-09")]  // over 中秋 and 国庆
    [InlineData(1, "2026-09-28")]
    [InlineData(60, "2026-12-24")]
    public void FollowUp_DueInWorkingDays(int days, string due) =>
        Assert.Equal(DateOnly.Parse(due), Entry(days: days).FollowUpDue(Calendar).Date);

    [Theory]
    [Trait("Source", "seed 003 (行政指导方案: 回访复查); municipal 电子监察 rules")]
    [InlineData(10, 7, DeadlineStatus.Pending)]
    [InlineData(10, 8, DeadlineStatus.Yellow)]
    [InlineData(10, 10, DeadlineStatus.Red)]
    public void FollowUp_YellowAndRed(int month, int day, DeadlineStatus expected) =>
        Assert.Equal(expected, Entry().FollowUpStatus(Calendar, At(month, day)));

    [Fact]
    [Trait("Source", "seed 003 (行政指导方案: 回访复查)")]
    public void FollowUp_LateStaysRed()
    {
        var late = Entry().RecordFollowUp(TargetResponse.Accepted, null, "o-a", new DateOnly(2026, 10, 12)).Value;
        var onTime = Entry().RecordFollowUp(TargetResponse.Accepted, null, "o-a", new DateOnly(2026, 10, 9)).Value;

        Assert.Equal(DeadlineStatus.Red, late.FollowUpStatus(Calendar, At(10, 20)));
        Assert.Equal(DeadlineStatus.Met, onTime.FollowUpStatus(Calendar, At(10, 20)));
    }

    [Fact]
    [Trait("Source", "seed 003 (行政指导方案: 自愿，拒绝不产生不利后果)")]
    public void FollowUp_ARefusalChangesNothingButItsRecord()
    {
        var accepted = Entry().RecordFollowUp(TargetResponse.Accepted, "已整改", "o-a", new DateOnly(2026, 10, 9)).Value;
        var refused = Entry().RecordFollowUp(TargetResponse.Refused, "不接受", "o-a", new DateOnly(2026, 10, 9)).Value;

        Assert.Equal(accepted.FollowUpDue(Calendar), refused.FollowUpDue(Calendar));
        Assert.Equal(accepted.FollowUpStatus(Calendar, At(10, 20)), refused.FollowUpStatus(Calendar, At(10, 20)));
        Assert.Equal(accepted with { FollowUps = [] }, refused with { FollowUps = [] });
        Assert.True(refused.RecordFollowUp(TargetResponse.Accepted, "后来接受", "o-a", new DateOnly(2026, 10, 20)).IsSuccess);
    }

    [Fact]
    [Trait("Source", "seed 003 (行政指导方案)")]
    public void FollowUp_NoResultOrBeforeTheGuidance_Refused()
    {
        var result = Entry().RecordFollowUp(null, null, "o-a", new DateOnly(2026, 9, 23));

        Assert.Equal(["on", "result"], result.Error!.Errors!.Keys.Order());
    }

    [Theory]
    [InlineData("2026-Q3", "2026-07-01", "2026-09-30")]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2024-Q4", "2024-10-01", "2024-12-31")]
    public void Quarter_ParsesAndSpans(string text, string from, string to)
    {
        var quarter = GuidanceQuarter.Parse(text)!;

        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (quarter.From, quarter.To));
        Assert.Equal(text, quarter.ToString());
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026Q3")]
    [InlineData(null)]
    public void Quarter_Malformed_IsNull(string? text) => Assert.Null(GuidanceQuarter.Parse(text));

    [Fact]
    [Trait("Source", "seed 003 (行政指导方案: 季报)")]
    public void QuarterlyReport_CountsGivenFollowedUpAndAnswers()
    {
        var entries = new[]
        {
            Entry("G-1", measure: GuidanceMeasure.Advice, month: 9, day: 1).RecordFollowUp(TargetResponse.Accepted, null, "o-a", new DateOnly(2026, 9, 7)).Value, // due 9/8: on time
            Entry("G-2", measure: GuidanceMeasure.Warning, month: 9, day: 1).RecordFollowUp(TargetResponse.Refused, null, "o-a", new DateOnly(2026, 9, 10)).Value, // late
            Entry("G-3", measure: GuidanceMeasure.Prompt, month: 9, day: 10),                                       // due 9/17, never followed up: overdue
            Entry("G-4", measure: GuidanceMeasure.Prompt, month: 9, day: 29),                                       // due 10/12: next quarter
            Entry("G-5", department: "D02", month: 6, day: 29).RecordFollowUp(TargetResponse.Accepted, null, "o-x", new DateOnly(2026, 7, 2)).Value, // given Q2, due 7/6 in Q3
            Entry("G-6", month: 9, day: 30).RecordFollowUp(TargetResponse.Accepted, null, "o-a", new DateOnly(2026, 10, 9)).Value, // answered after the report date
        };

        var report = GuidanceQuarterReport.Build(GuidanceQuarter.Parse("2026-Q3")!, entries, Calendar, new DateOnly(2026, 10, 8));

        Assert.Equal(["D02", "D04"], report.Departments.Select(r => r.Department));
        Assert.Equal(new GuidanceReportRow("D02", 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0), report.Departments[0]);
        Assert.Equal(new GuidanceReportRow("D04", 5, 2, 2, 1, 3, 1, 1, 1, 1, 1, 3), report.Departments[1]);
        Assert.Equal(6 - 1, report.Total.Given);
        Assert.Equal(new DateOnly(2026, 7, 1), report.From);
    }
}
