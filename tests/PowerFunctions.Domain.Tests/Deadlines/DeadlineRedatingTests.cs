using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Evaluations;
using PowerFunctions.Domain.Tests.Catalog;

namespace PowerFunctions.Domain.Tests.Deadlines;

/// <summary>Every clock follows the calendar: a changed schedule re-dates each open deadline from its period.</summary>
[Trait("Source", "行政许可法 第八十二条")]
public sealed class DeadlineRedatingTests
{
    private static readonly WorkingCalendar Before = TestCalendars.Weekends2026;

    /// <summary>The same year with a (made-up) holiday on 9/22–9/23 loaded later.</summary>
    private static readonly WorkingCalendar After = TestCalendars.Of(2026, [new Holiday("临时调整", new DateOnly(2026, 9, 22), new DateOnly(2026, 9, 23))], []);

    [Theory]
    [InlineData(PeriodUnit.Working, 5, "2026-09-25", "2026-09-29")]
    [InlineData(PeriodUnit.Calendar, 3, "2026-09-21", null)]          // 9/21 is still a working day
    [InlineData(PeriodUnit.Calendar, 4, "2026-09-22", "2026-09-24")]  // the last day is now a holiday: rolled
    public void Redate_OpenDeadline_MovesOnlyWhenTheNewCalendarSaysSo(PeriodUnit unit, int days, string before, string? after)
    {
        var period = new DeadlinePeriod(new DateOnly(2026, 9, 18), days, unit);
        Assert.Equal(DateOnly.Parse(before), period.DueUnder(Before).Date);

        var move = DeadlineRedating.Redate(period, period.DueUnder(Before), After);

        Assert.Equal(after is null ? null : DateOnly.Parse(after), move?.NewDue.Date);
        Assert.Equal(after is null ? null : DateOnly.Parse(before), move?.OldDue);
    }

    [Fact]
    [Trait("Source", "国办发〔2019〕51号 and local rules")]
    public void RedateRectification_OpenBadReview_MovesWithItsWindow_RectifiedOneStays()
    {
        var rated = new DateTimeOffset(2026, 9, 18, 10, 0, 0, TimeSpan.FromHours(8));
        var evaluation = Evaluation.Rate(Before, "C1", "XK", "D01", "u1", Satisfaction.Dissatisfied, "等待太久", rated, 5).Value;

        var redated = evaluation.RedateRectification(After, configuredWindow: 10)!;

        Assert.Equal(new DateOnly(2026, 9, 25), evaluation.RectificationDue!.Value.Date);
        Assert.Equal(new DateOnly(2026, 9, 29), redated.RectificationDue!.Value.Date); // its own 5 wd, not the configured 10
        Assert.Null(redated.RedateRectification(After, 10));
        Assert.Null(evaluation.Rectify("已整改", "s", rated).Value.RedateRectification(After, 10));
    }

    [Fact]
    [Trait("Source", "seed 002 第十条")]
    public void RedateRevision_PendingBasisChange_EntryAndFlowchartDeadlinesMove()
    {
        var item = CatalogSamples.Published().RecordBasisChange(new DateOnly(2026, 9, 15), "条例修订", Before, CatalogSamples.Now).Value;

        var redated = item.RedateRevision(After)!;

        Assert.Equal(new DateOnly(2026, 9, 22), item.RevisionDue);
        Assert.Equal(new DateOnly(2026, 9, 24), redated.RevisionDue);
        Assert.True(redated.PendingBasisChange!.FlowchartDue > item.PendingBasisChange!.FlowchartDue);
        Assert.Null(redated.RedateRevision(After));
        Assert.Null(CatalogSamples.Published().RedateRevision(After));
    }
}
