using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Tests.Deadlines;

public sealed class AlertRulesTests
{
    private const string Source = "municipal 电子监察 rules";
    private static readonly WorkingCalendar Official = OfficialSchedules.Calendar();
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [Trait("Source", Source)]
    [InlineData("2026-10-08", 1, "2026-09-30")] // the working day before is before 国庆
    [InlineData("2026-10-12", 1, "2026-10-10")] // make-up Saturday
    [InlineData("2026-10-13", 3, "2026-10-09")]
    [InlineData("2026-10-13", 0, "2026-10-13")]
    [InlineData("2026-09-28", 1, "2026-09-24")] // 中秋 9/25–27 in between
    public void YellowFrom_Due_IsTheStartOfTheWorkingDayBefore(string due, int days, string yellowDay)
    {
        Assert.Equal(new DateTimeOffset(D(yellowDay).ToDateTime(TimeOnly.MinValue), China), AlertRules.YellowFrom(Official, D(due), days));
    }

    [Fact]
    [Trait("Source", Source)]
    public void RedFrom_Due_IsTheNextMidnightInChina()
    {
        Assert.Equal(At("2026-10-09T00:00:00+08:00"), AlertRules.RedFrom(D("2026-10-08")));
        Assert.Equal(TimeSpan.FromHours(8), AlertRules.RedFrom(D("2026-10-08")).Offset);
    }

    [Theory]
    [Trait("Source", Source)]
    [InlineData("2026-09-29T23:59:59+08:00", false, DeadlineStatus.Pending)]
    [InlineData("2026-09-30T00:00:00+08:00", false, DeadlineStatus.Yellow)]
    [InlineData("2026-09-29T16:00:00+00:00", false, DeadlineStatus.Yellow)] // the same instant in UTC
    [InlineData("2026-10-08T23:59:59+08:00", false, DeadlineStatus.Yellow)]
    [InlineData("2026-10-09T00:00:00+08:00", false, DeadlineStatus.Red)]
    [InlineData("2026-10-08T16:00:00+00:00", false, DeadlineStatus.Red)]
    [InlineData("2026-10-20T10:00:00+08:00", true, DeadlineStatus.Met)]   // met wins even when late
    [InlineData("2026-09-01T10:00:00+08:00", true, DeadlineStatus.Met)]
    public void StatusAt_AroundTheDueDate_GoesPendingYellowRedUnlessMet(string now, bool met, DeadlineStatus expected)
    {
        Assert.Equal(expected, AlertRules.StatusAt(Official, D("2026-10-08"), At(now), met));
    }

    [Fact]
    [Trait("Source", Source)]
    public void StatusAt_ConfiguredThreeWorkingDays_TurnsYellowEarlier()
    {
        Assert.Equal(DeadlineStatus.Yellow, AlertRules.StatusAt(Official, D("2026-10-13"), At("2026-10-09T08:00:00+08:00"), false, 3));
        Assert.Equal(DeadlineStatus.Pending, AlertRules.StatusAt(Official, D("2026-10-13"), At("2026-10-09T08:00:00+08:00"), false));
    }

    [Theory]
    [Trait("Source", Source)]
    [Trait("Source", "行政许可法 第四十五条")]
    [InlineData("2026-09-30T10:00:00+08:00", DeadlineStatus.Pending)] // would be yellow: the clock is stopped
    [InlineData("2026-10-09T00:00:00+08:00", DeadlineStatus.Red)]     // late before it stopped: stays red
    public void StatusAt_ClockStopped_NoYellowButRedStays(string now, DeadlineStatus expected)
    {
        Assert.Equal(expected, AlertRules.StatusAt(Official, D("2026-10-08"), At(now), met: false, clockStopped: true));
    }
}
