using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Tests.Cases;

/// <summary>即办件 are decided on the spot: the decision is due the day of receipt, and late is red like any other clock.</summary>
[Trait("Source", "seed 000 §5 (即办件 当场办结)")]
public sealed class ImmediateItemTests
{
    private static CaseFixture Immediate() => new(CaseFixture.Item(substantive: false, promised: 0, immediate: true));

    [Fact]
    public void Submit_ImmediateItem_DecisionDueTheDayOfReceipt()
    {
        var f = Immediate();

        var decision = f.Deadline(DeadlineKind.Decision);

        Assert.Equal(new DateOnly(2026, 9, 18), decision.StartedOn);
        Assert.Equal(new DateOnly(2026, 9, 18), decision.Due);
    }

    [Theory]
    [InlineData(9, 18, DeadlineStatus.Yellow)] // the last working day of the limit
    [InlineData(9, 19, DeadlineStatus.Red)]
    public void ImmediateItem_NotDecidedOnTheDay_TurnsRed(int month, int day, DeadlineStatus expected)
    {
        var f = Immediate().On(month, day);

        Assert.Equal(expected, f.Deadline(DeadlineKind.Decision).StatusAt(f.Calendar, f.Now));
    }

    [Fact]
    public void ImmediateItem_DecidedOnTheDay_IsMet()
    {
        var f = Immediate().Accept().Do(c => c.RecordReview("A", "符合", DecisionOutcome.Approve, CaseFixture.ReviewerA), CaseFixture.ReviewerA).Decide();

        Assert.Equal(DeadlineStatus.Met, f.Deadline(DeadlineKind.Decision).StatusAt(f.Calendar, f.Now));
        Assert.Single(f.Deadlines(), d => d.Kind == DeadlineKind.Decision);
    }

    [Fact]
    [Trait("Source", "民法典 第二百零三条")]
    public void ImmediateItem_ReceivedOnAHoliday_DueTheNextWorkingDay()
    {
        var terms = CaseFixture.Item(substantive: false, promised: 0, immediate: true);
        var draft = Case.Submit(terms, new Applicant("张小三", "身份证", "1", "2"), "c", [new MaterialRef("M1", "申请书"), new MaterialRef("M2", "营业执照")], null, "Q", new DateTimeOffset(2026, 10, 3, 21, 0, 0, TimeSpan.FromHours(8))).Value;
        var c = Case.Start("D01-20261003-000001", draft, CaseFixture.Citizen, new DateTimeOffset(2026, 10, 3, 21, 0, 0, TimeSpan.FromHours(8)));

        var decision = CaseDeadlines.Compute(c, TestCalendars.Autumn2026, new DateOnly(2026, 10, 3)).Single(d => d.Kind == DeadlineKind.Decision);

        Assert.Equal(new DateOnly(2026, 10, 8), decision.Due); // 国庆 10/1–10/7
    }
}
