using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Alerts;

namespace PowerFunctions.Domain.Tests.Supervision.Alerts;

[Trait("Source", "municipal 电子监察 rules (public)")]
public sealed class StageAlertsTests
{
    private static readonly WorkingCalendar Official = OfficialSchedules.Calendar();

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Theory]
    // started Mon 9/14, 3 wd: last day Thu 9/17; yellow from Wed 9/16; red from Fri 9/18
    [InlineData(9, 14, 3, 9, 17, 9, 16, 9, 18)]
    // started Wed 9/16, 2 wd: last day Fri 9/18; red from Sun 9/20, a make-up working day (调休上班)
    [InlineData(9, 16, 2, 9, 18, 9, 17, 9, 20)]
    // started Thu 9/24, 1 wd: 中秋 9/25–9/27, last day Mon 9/28; yellow from Thu 9/24 (the working day before); red from Tue 9/29
    [InlineData(9, 24, 1, 9, 28, 9, 24, 9, 29)]
    // started Wed 9/30, 2 wd: 国庆 10/1–10/7, last day Fri 10/9; red from Sat 10/10 (make-up working day)
    [InlineData(9, 30, 2, 10, 9, 10, 8, 10, 10)]
    public void Plan_RunningStage_GivesLastDayAndTheInstantsToScheduleAt(int sm, int sd, int limit, int dm, int dd, int ym, int yd, int rm, int rd)
    {
        var plan = StageAlerts.Plan(Official, "review", D(sm, sd), limit, ChinaTime.StartOf(D(sm, sd)))!;

        Assert.Equal(D(dm, dd), plan.Due);
        Assert.Equal(ChinaTime.StartOf(D(ym, yd)), plan.YellowAt);
        Assert.Equal(ChinaTime.StartOf(D(rm, rd)), plan.RedAt);
        Assert.Equal("stage-review", plan.Kind.Code);
    }

    [Theory]
    [InlineData(9, 15, 23, 59, null)]
    [InlineData(9, 16, 0, 0, AlertLevel.Yellow)]
    [InlineData(9, 17, 23, 59, AlertLevel.Yellow)]
    [InlineData(9, 18, 0, 0, AlertLevel.Red)]
    [InlineData(9, 30, 12, 0, AlertLevel.Red)]
    public void Plan_LevelWhileStillOpen_YellowThenRedBeforeTheStageEnds(int month, int day, int hour, int minute, AlertLevel? level)
    {
        var now = new DateTimeOffset(2026, month, day, hour, minute, 0, ChinaTime.Offset);

        Assert.Equal(level, StageAlerts.Plan(Official, "review", D(9, 14), 3, now)!.Level);
    }

    [Fact]
    public void Plan_NoLimit_RaisesNothing()
    {
        Assert.Null(StageAlerts.Plan(Official, "review", D(9, 14), 0, ChinaTime.StartOf(D(12, 1))));
    }

    [Fact]
    public void Plan_EndedStage_IsNotPlanned()
    {
        var ended = StageRules.Check(Official, "review", D(9, 14), D(9, 30), 3, D(10, 9));

        Assert.Null(StageAlerts.Plan(Official, ended, ChinaTime.StartOf(D(10, 9))));
        Assert.NotNull(StageAlerts.Plan(Official, StageRules.Check(Official, "review", D(9, 14), null, 3, D(10, 9)), ChinaTime.StartOf(D(10, 9))));
    }

    [Fact]
    public void Plan_RedAlwaysAgreesWithTheStageViewsOverrun_Over2024To2026()
    {
        // Every start day of 2024–2026 (every holiday and make-up day), five limits, each of the next 40 days at noon.
        for (var start = new DateOnly(2024, 1, 1); start <= new DateOnly(2026, 12, 31); start = start.AddDays(3))
        {
            foreach (var limit in new[] { 1, 2, 3, 5, 10 })
            {
                for (var offset = 0; offset <= 40; offset++)
                {
                    var today = start.AddDays(offset);
                    var plan = StageAlerts.Plan(Official, "review", start, limit, ChinaTime.StartOf(today).AddHours(12))!;
                    var overrun = StageRules.Check(Official, "review", start, null, limit, today).Overrun;
                    Assert.True(overrun == (plan.Level == AlertLevel.Red), $"start {start}, limit {limit}, today {today}: overrun {overrun}, level {plan.Level}");
                }
            }
        }
    }
}
