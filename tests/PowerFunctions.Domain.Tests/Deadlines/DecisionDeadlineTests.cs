using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Tests.Deadlines;

public sealed class DecisionDeadlineTests
{
    private static readonly WorkingCalendar Official = OfficialSchedules.Calendar();
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Result<CalendarDate> Compute(string started, int limit, Suspension[] suspensions, Extension? extension = null, DateOnly? today = null) =>
        DecisionDeadline.Compute(Official, D(started), limit, suspensions, extension, today ?? Today);

    [Fact]
    [Trait("Source", "行政许可法 第八十二条")]
    public void Compute_NoSuspensionNoExtension_IsTheLimitInWorkingDays()
    {
        Assert.Equal(new CalendarDate(D("2026-10-22"), false), Compute("2026-09-18", 20, []).Value);
    }

    [Theory]
    [Trait("Source", "行政许可法 第四十二条")]
    [InlineData(10, "2026-11-05")]
    [InlineData(15, "2026-11-12")]
    public void Compute_WithExtension_AddsItsWorkingDays(int days, string expected)
    {
        var extension = new Extension(days, "李局长", "需现场核查");

        Assert.Equal(D(expected), Compute("2026-09-18", 20, [], extension).Value.Date);
    }

    [Theory]
    [Trait("Source", "行政许可法 第四十五条")]
    [InlineData("2026-09-21", "2026-09-24", "2026-10-27")] // Mon–Wed stopped: 3 wd
    [InlineData("2026-09-21", "2026-09-21", "2026-10-22")] // suspended and resumed the same day: nothing lost
    [InlineData("2026-09-30", "2026-10-09", "2026-10-26")] // 9/30 and 10/8 stopped; 国庆 was not counted anyway
    [InlineData("2026-09-19", "2026-09-21", "2026-10-23")] // Sat–Sun, but Sun 9/20 is a make-up working day: 1 wd
    [InlineData("2026-10-23", "2026-10-26", "2026-10-22")] // begins after the deadline fell due: changes nothing
    [InlineData("2026-09-10", "2026-09-22", "2026-10-26")] // began before the start day: only days after it count (Sun 9/20 make-up, Mon 9/21)
    public void Compute_OneSuspension_MovesTheDueDateByTheWorkingDaysStopped(string from, string until, string expected)
    {
        var result = Compute("2026-09-18", 20, [new Suspension(D(from), D(until), SuspensionReason.ExpertReview)]);

        Assert.Equal(new CalendarDate(D(expected), false), result.Value);
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void Compute_SuspensionsFollowingOneAnother_AddUp()
    {
        Suspension[] suspensions =
        [
            new(D("2026-09-24"), D("2026-09-29"), SuspensionReason.Testing),      // 9/24, 9/28: 2 wd
            new(D("2026-09-21"), D("2026-09-24"), SuspensionReason.ExpertReview), // 9/21–9/23: 3 wd, given out of order
        ];

        var result = DecisionDeadline.ComputeDetailed(Official, D("2026-09-18"), 20, suspensions, null, Today).Value;

        Assert.Equal(Official.AddWorkingDays(D("2026-10-22"), 5).Date, result.Due.Date);
        Assert.Equal([2, 3], result.SuspendedWorkingDays);
        Assert.Equal(D("2026-10-22"), result.DueWithoutSuspensionsOrExtension.Date);
    }

    [Theory]
    [Trait("Source", "行政许可法 第四十五条")]
    [InlineData("2026-09-21", "2026-09-25", "2026-09-24", "2026-09-28")] // second starts before the first resumes
    [InlineData("2026-09-21", "2026-09-25", "2026-09-21", "2026-09-22")] // same start
    [InlineData("2026-09-21", null, "2026-09-28", "2026-09-29")]         // first still open
    public void Compute_OverlappingSuspensions_IsAConflict(string from1, string? until1, string from2, string until2)
    {
        var result = Compute("2026-09-18", 20,
        [
            new Suspension(D(from1), until1 is null ? null : D(until1), SuspensionReason.Hearing),
            new Suspension(D(from2), D(until2), SuspensionReason.Inspection),
        ]);

        Assert.False(result.IsSuccess);
        Assert.Equal("deadline.overlapping_suspension", result.Error.Code);
        Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
        Assert.Equal("中止期间相互重叠", result.Error.Title);
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void Compute_OpenSuspension_CountsThroughTodayAndIsProvisional()
    {
        var open = new Suspension(D("2026-09-21"), null, SuspensionReason.Quarantine);

        var result = Compute("2026-09-18", 20, [open], today: D("2026-09-23"));

        Assert.Equal(new CalendarDate(D("2026-10-27"), true), result.Value); // 9/21, 9/22, 9/23 stopped
        Assert.Equal(3, DecisionDeadline.StoppedWorkingDays(Official, open, D("2026-09-23")));
        Assert.Equal(new CalendarDate(D("2026-10-28"), true), Compute("2026-09-18", 20, [open], today: D("2026-09-24")).Value);
    }

    [Fact]
    public void Compute_ResumedBeforeItBegan_IsRefused()
    {
        var result = Compute("2026-09-18", 20, [new Suspension(D("2026-09-24"), D("2026-09-21"), SuspensionReason.Appraisal)]);

        Assert.Equal("deadline.invalid_suspension", result.Error!.Code);
    }

    [Fact]
    public void Compute_NegativeLimit_IsRefused()
    {
        Assert.Equal("deadline.invalid_limit", Compute("2026-09-18", -1, []).Error!.Code);
    }

    [Fact]
    public void Compute_DueInAYearWithNoSchedule_IsProvisional()
    {
        Assert.True(Compute("2026-12-01", 30, []).Value.Provisional);
        Assert.False(Compute("2026-12-01", 20, []).Value.Provisional);
    }
}
