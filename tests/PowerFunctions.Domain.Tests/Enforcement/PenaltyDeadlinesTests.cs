using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Enforcement;
using static PowerFunctions.Domain.Tests.Enforcement.PenaltyFixture;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class PenaltyDeadlinesTests
{
    private static PenaltyDeadline Deadline(PenaltyFixture f, PenaltyDeadlineKind kind) =>
        PenaltyDeadlines.Compute(f.Case, f.Calendar, f.Context.Today).Single(d => d.Kind == kind);

    [Fact]
    [Trait("Source", "行政处罚法 第六十条; 第八十五条")]
    public void Decision_NinetyCalendarDaysFromOpening()
    {
        var f = new PenaltyFixture();

        var d = Deadline(f, PenaltyDeadlineKind.Decision);

        Assert.Equal(new DateOnly(2026, 11, 30), d.Due);
        Assert.True(d.RaisesAlerts);
        Assert.Equal("penalty-decision", d.Code);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十条")]
    public void Decision_HearingTimeAddedBackWhereTheItemExcludesIt()
    {
        PenaltyFixture Heard(bool excluded)
        {
            var f = new PenaltyFixture(Terms0(hearingExcluded: excluded)).Investigated().On(9, 24).Notified(50000);
            return f.On(9, 28).Do(f.Case.RequestHearing(OfficerA, f.Context))
                .Do(f.Case.ScheduleHearing(new DateOnly(2026, 10, 13), "听证室", "h-1", "周主持", true, null, OfficerA, f.Context))
                .On(10, 13).Do(f.Case.HoldHearing("笔录", true, true, null, OfficerA, f.Context));
        }

        Assert.Equal(new DateOnly(2026, 12, 15), Deadline(Heard(true), PenaltyDeadlineKind.Decision).Due); // 15 days (9/28 → 10/13) not counted
        Assert.Equal(new DateOnly(2026, 11, 30), Deadline(Heard(false), PenaltyDeadlineKind.Decision).Due);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十条")]
    public void Decision_EveryHearingIsAddedBack()
    {
        var f = new PenaltyFixture().Investigated().On(9, 24).Notified(50000);
        f.On(9, 28).Do(f.Case.RequestHearing(OfficerA, f.Context))
            .Do(f.Case.ScheduleHearing(new DateOnly(2026, 10, 13), "听证室", "h-1", "周主持", true, null, OfficerA, f.Context))
            .On(10, 13).Do(f.Case.HoldHearing("笔录", true, true, null, OfficerA, f.Context))
            .Notified(60000, Circumstance.Serious) // a heavier notice after the hearing: a new hearing right
            .On(10, 14).Do(f.Case.RequestHearing(OfficerA, f.Context))
            .Do(f.Case.ScheduleHearing(new DateOnly(2026, 10, 23), "听证室", "h-1", "周主持", true, null, OfficerA, f.Context))
            .On(10, 23).Do(f.Case.HoldHearing("笔录", true, true, null, OfficerA, f.Context));

        Assert.Equal(2, f.Case.HearingPeriods.Count);
        Assert.Equal(new DateOnly(2026, 12, 24), Deadline(f, PenaltyDeadlineKind.Decision).Due); // 15 + 9 days not counted
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十条")]
    public void Decision_WhileTheHearingIsPending_IsProvisional()
    {
        var f = new PenaltyFixture().Investigated().On(9, 24).Notified(50000);
        f.On(9, 28).Do(f.Case.RequestHearing(OfficerA, f.Context)).On(10, 2);

        var d = Deadline(f, PenaltyDeadlineKind.Decision);

        Assert.True(d.Provisional);
        Assert.Equal(new DateOnly(2026, 12, 7), d.Due); // 9/28 up to 10/2 (today) stopped: day 90 is Saturday 12/5, rolled to Monday
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十一条; 第六十七条; 第八十五条; 国办发〔2018〕118号")]
    public void AfterTheDecision_DeliveryPublicationAndPayment()
    {
        var f = new PenaltyFixture().ReadyToDecide().On(9, 24).Decided(Penalise(30000)).On(9, 28);
        f.Do(f.Case.Deliver(DeliveryMethod.InPerson, "王某", false, OfficerA, f.Context));

        Assert.Equal(new DateOnly(2026, 10, 12), Deadline(f, PenaltyDeadlineKind.Delivery).Due);     // 7 working days
        Assert.Equal(new DateOnly(2026, 9, 28), Deadline(f, PenaltyDeadlineKind.Delivery).ResolvedOn);
        Assert.Equal(new DateOnly(2026, 10, 12), Deadline(f, PenaltyDeadlineKind.Publication).Due);  // 7 working days
        Assert.Equal(new DateOnly(2026, 10, 13), Deadline(f, PenaltyDeadlineKind.Payment).Due);      // 15 calendar days from delivery
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十四条(一)")]
    public void HearingRequest_IsThePartysWindowWithoutAlerts()
    {
        var f = new PenaltyFixture().Investigated().On(9, 24).Notified(50000);

        var d = Deadline(f, PenaltyDeadlineKind.HearingRequest);

        Assert.Equal(new DateOnly(2026, 10, 9), d.Due);
        Assert.False(d.RaisesAlerts);
        Assert.Null(d.ResolvedOn);
        Assert.Equal(d.Due, Deadline(f.On(10, 12), PenaltyDeadlineKind.HearingRequest).ResolvedOn); // lapsed: closed at its end
    }

    [Theory]
    [Trait("Source", "municipal 电子监察 rules; 行政处罚法 第六十一条")]
    [InlineData(10, 9, DeadlineStatus.Pending)]
    [InlineData(10, 10, DeadlineStatus.Yellow)] // the working day (make-up Saturday) before the due date 10/12
    [InlineData(10, 12, DeadlineStatus.Yellow)]
    [InlineData(10, 13, DeadlineStatus.Red)]
    public void Delivery_AlertLevels(int month, int day, DeadlineStatus expected)
    {
        var f = new PenaltyFixture().ReadyToDecide().On(9, 24).Decided(Penalise(30000));

        Assert.Equal(expected, Deadline(f, PenaltyDeadlineKind.Delivery).StatusAt(f.Calendar, At(month, day)));
    }

    [Fact]
    [Trait("Source", "行政处罚法 第八十五条; 民法典 第二百零三条")]
    public void Moves_ACalendarChangeRedatesTheOpenDeadlinesOnly()
    {
        var without2026 = new WorkingCalendar(OfficialSchedules.All.Where(y => y.Year != 2026));
        var f = new PenaltyFixture(calendar: without2026).ReadyToDecide().On(9, 24).Decided(Penalise(30000));

        var moves = PenaltyDeadlines.Moves(f.Case, without2026, OfficialSchedules.Calendar(), new DateOnly(2026, 9, 24));

        Assert.Contains(new PenaltyDeadlineMove(PenaltyDeadlineKind.Delivery, new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 12)), moves);
        Assert.Contains(new PenaltyDeadlineMove(PenaltyDeadlineKind.Publication, new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 12)), moves);
        Assert.DoesNotContain(moves, m => m.Kind == PenaltyDeadlineKind.Decision); // met
        Assert.True(Deadline(f, PenaltyDeadlineKind.Delivery).Provisional);       // computed into a year with no schedule
    }
}
