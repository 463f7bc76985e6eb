using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Domain.Evaluations;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Alerts;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.Domain.Tests.Cases;
using PowerFunctions.Domain.Tests.Complaints;
using PowerFunctions.Domain.Tests.Supervision.Rectifications;
using static PowerFunctions.Domain.Tests.Supervision.SupervisionActors;

namespace PowerFunctions.Domain.Tests.Supervision.Reports;

[Trait("Source", "seed 002 (周清月结季通报年考核)")]
public sealed class SupervisionCountersTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static (Counter Counter, string Department, DateOnly Day)[] Moves(IEnumerable<CounterIncrement> increments) =>
        [.. increments.Select(i => (i.Counter, i.Department, i.Day))];

    [Fact]
    public void Case_Submitted_CountsReceivedOnTheReceiptDay()
    {
        var f = new CaseFixture();

        var increments = SupervisionCounters.ForCase(f.Case, f.Case.Events[0], f.Calendar);

        Assert.Equal([(Counter.Received, "D01", D(9, 18))], Moves(increments));
        Assert.Equal("case:D01-20260918-000001:1", increments[0].EventKey);
    }

    [Fact]
    public void Case_DecidedOnTheLastDay_CountsDecidedAndOnTime()
    {
        // accepted 9/18, 10 wd promised: 9/20 (make-up) … 国庆 … due 10/9
        var f = new CaseFixture().Accept().ReviewBoth().On(10, 9).Decide();

        var increments = SupervisionCounters.ForCase(f.Case, f.Case.Events[^1], f.Calendar);

        Assert.Equal([(Counter.Decided, "D01", D(10, 9)), (Counter.DecidedOnTime, "D01", D(10, 9))], Moves(increments));
    }

    [Fact]
    public void Case_DecidedLate_CountsDecidedOnly()
    {
        var f = new CaseFixture().Accept().ReviewBoth().On(10, 12).Decide();

        Assert.Equal([(Counter.Decided, "D01", D(10, 12))], Moves(SupervisionCounters.ForCase(f.Case, f.Case.Events[^1], f.Calendar)));
    }

    [Fact]
    public void Case_OtherEvents_CountNothing()
    {
        var f = new CaseFixture().Accept().ReviewBoth();

        Assert.All(f.Case.Events.Skip(1), e => Assert.Empty(SupervisionCounters.ForCase(f.Case, e, f.Calendar)));
    }

    [Fact]
    public void Ticket_RoutedAtIntake_CountsAComplaintForTheFirstDepartment()
    {
        var f = new ComplaintFixture("complaint", "D01");

        Assert.Equal([(Counter.Complaints, "D01", D(9, 18))], Moves(SupervisionCounters.ForComplaint(f.Ticket, f.Ticket.Events[0], f.Calendar)));
    }

    [Fact]
    public void Ticket_AssignedLater_CountsForTheAssignedDepartmentOnTheDayItArrived()
    {
        var f = new ComplaintFixture("consultation", department: null, channel: ComplaintChannel.Hotline);
        Assert.Empty(SupervisionCounters.ForComplaint(f.Ticket, f.Ticket.Events[0], f.Calendar));

        f.On(9, 21).Assign("D02");

        Assert.Equal([(Counter.Complaints, "D02", D(9, 21))], Moves(SupervisionCounters.ForComplaint(f.Ticket, f.Ticket.Events[^1], f.Calendar)));
    }

    [Theory]
    [InlineData(22, true)]   // consultation: 3 wd from 9/18 → 9/20 (make-up), 9/21, 9/22
    [InlineData(23, false)]
    public void Ticket_Answered_CountsAnsweredAndWhetherOnTime(int day, bool onTime)
    {
        var f = new ComplaintFixture("consultation", "D01").On(9, day).Answer();

        var counters = SupervisionCounters.ForComplaint(f.Ticket, f.Ticket.Events[^1], f.Calendar).Select(i => i.Counter);

        Assert.Equal(onTime ? [Counter.ComplaintsAnswered, Counter.ComplaintsOnTime] : [Counter.ComplaintsAnswered], counters);
    }

    [Theory]
    [Trait("Source", "国办发〔2019〕51号")]
    [InlineData(Satisfaction.VerySatisfied, Counter.RatingsGood)]
    [InlineData(Satisfaction.Satisfied, Counter.RatingsGood)]
    [InlineData(Satisfaction.BasicallySatisfied, Counter.RatingsGood)]
    [InlineData(Satisfaction.Dissatisfied, Counter.RatingsBad)]
    [InlineData(Satisfaction.VeryDissatisfied, Counter.RatingsBad)]
    public void Evaluation_Level_CountsGoodOrBad(Satisfaction level, Counter expected)
    {
        var rating = Evaluation.Rate(OfficialSchedules.Calendar(), "D01-20260918-000001", "XK-001", "D01", "citizen-1", level, "办事体验", new DateTimeOffset(2026, 10, 15, 23, 30, 0, TimeSpan.FromHours(8)), 10).Value;

        Assert.Equal([(expected, "D01", D(10, 15))], Moves(SupervisionCounters.ForEvaluation(rating)));
    }

    [Theory]
    [InlineData("decision", AlertLevel.Red, new[] { Counter.AlertsRed, Counter.Overdue })]
    [InlineData("enforcement-decision", AlertLevel.Red, new[] { Counter.AlertsRed, Counter.Overdue })]
    [InlineData("stage-review", AlertLevel.Red, new[] { Counter.AlertsRed })]
    [InlineData("complaint-answer", AlertLevel.Red, new[] { Counter.AlertsRed })]
    [InlineData("decision", AlertLevel.Yellow, new[] { Counter.AlertsYellow })]
    public void Alert_Raised_CountsItsLevel_AndOverdueForCaseClocks(string kind, AlertLevel level, Counter[] expected)
    {
        AlertKind.TryParse(kind, out var k);
        var alert = Alert.Raise(new AlertKey(AlertSubject.Case("C1"), k, level), "D01", null, D(10, 9), At(10, 10, 0, 1), []).Value;

        var increments = SupervisionCounters.ForAlert(alert);

        Assert.Equal(expected, increments.Select(i => i.Counter));
        Assert.All(increments, i => Assert.Equal(($"alert:{alert.Id}", D(10, 10)), (i.EventKey, i.Day)));
    }

    [Fact]
    public void Alert_YellowRaisedAlreadySuperseded_CountsNothing()
    {
        var key = new AlertKey(AlertSubject.Case("C1"), AlertKind.Deadline("decision"), AlertLevel.Red);
        var red = Alert.Raise(key, "D01", null, D(10, 9), At(10, 10), []).Value;

        var lateYellow = Alert.Raise(key.At(AlertLevel.Yellow), "D01", null, D(10, 9), At(10, 10, 11), [red]).Value;

        Assert.Empty(SupervisionCounters.ForAlert(lateYellow));
    }

    [Fact]
    public void Rectification_IssuedAcceptedAndOverdue_EachCountOnce()
    {
        var f = new RectificationFixture().On(10, 14).Overdue().On(10, 15).Report().Do(n => n.Accept(null, Supervisor, At(10, 15)), Supervisor);
        var n = f.Notice;

        var counters = n.Events.SelectMany(e => SupervisionCounters.ForRectification(n, e)).ToList();

        Assert.Equal(
            [(Counter.RectificationsIssued, "D01", D(9, 30)), (Counter.RectificationsOverdue, "D01", D(10, 14)), (Counter.RectificationsAccepted, "D01", D(10, 15))],
            Moves(counters));
        Assert.Equal(3, counters.Select(c => c.EventKey).Distinct().Count());
    }

    [Fact]
    public void Accumulate_SumsPerDepartmentAndDay()
    {
        CounterIncrement[] increments =
        [
            new("a", "D01", D(9, 1), Counter.Received),
            new("b", "D01", D(9, 1), Counter.Received),
            new("c", "D01", D(9, 2), Counter.Received),
            new("d", "D02", D(9, 1), Counter.AlertsRed, 3),
        ];

        var rows = SupervisionCounters.Accumulate(increments);

        Assert.Equal(
            [("D01", D(9, 1), 2L, 0L), ("D01", D(9, 2), 1L, 0L), ("D02", D(9, 1), 0L, 3L)],
            rows.Select(r => (r.Department, r.Day, r.Counts.Received, r.Counts.AlertsRed)));
    }

    [Fact]
    public void CounterNames_AreStableAndParseBack()
    {
        Assert.All(Enum.GetValues<Counter>(), c => Assert.Equal(c, CounterNames.Parse(CounterNames.Of(c))));
        Assert.Equal("decidedOnTime", CounterNames.Of(Counter.DecidedOnTime));
        Assert.Null(CounterNames.Parse("nope"));
    }
}
