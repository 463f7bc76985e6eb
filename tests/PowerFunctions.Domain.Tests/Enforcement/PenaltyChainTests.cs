using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Enforcement;
using DeliveryMethod = PowerFunctions.Domain.Enforcement.DeliveryMethod;
using Vote = PowerFunctions.Domain.Enforcement.Vote;
using static PowerFunctions.Domain.Tests.Enforcement.PenaltyFixture;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class PenaltyChainTests
{
    /// <summary>Opening to payment with a hearing: every event on the chain.</summary>
    private static PenaltyFixture FullCase()
    {
        var f = new PenaltyFixture().Investigated().On(9, 24).Notified(50000);
        f.Stated();
        f.On(9, 28).Do(f.Case.RequestHearing(OfficerA, f.Context))
            .Do(f.Case.ScheduleHearing(new DateOnly(2026, 10, 20), "局三楼听证室", "h-1", "周主持", true, null, OfficerA, f.Context))
            .On(10, 20).Do(f.Case.HoldHearing("当事人申辩已组织补训", true, true, null, OfficerA, f.Context))
            .Reviewed()
            .Met(Penalise(40000))
            .On(10, 21).Decided(Penalise(40000));
        f.On(10, 22).Do(f.Case.Deliver(DeliveryMethod.InPerson, "法定代表人 王某", false, OfficerA, f.Context))
            .Do(f.Case.Publish(f.Context))
            .On(10, 30).Do(f.Case.RecordPayment(40000, new DateOnly(2026, 10, 30), "NS-100", f.Context));
        return f;
    }

    [Fact]
    public void FullCase_RunsToClosedAndTheChainVerifies()
    {
        var f = FullCase();

        Assert.Equal(PenaltyState.Closed, f.Case.State);
        Assert.Equal(
            ["penalty-opened", "investigated", "notified", "statement-made", "hearing-requested", "hearing-scheduled", "hearing-held", "legally-reviewed", "collectively-decided", "penalty-decided", "penalty-delivered", "penalty-published", "paid"],
            f.Case.Events.Select(e => e.Type));
        var verification = PenaltyChain.Verify(f.Case.Events);
        Assert.True(verification.Valid);
        Assert.Equal(f.Case.LastHash, verification.LastHash);
    }

    [Fact]
    public void Fold_FromStoredEvents_GivesTheSameCase()
    {
        var f = FullCase();

        var again = PenaltyCase.FromEvents(f.Case.CaseNo, f.Case.Events);

        Assert.Equal(f.Case.State, again.State);
        Assert.Equal(f.Case.Decision, again.Decision);
        Assert.Equal(f.Case.Payment, again.Payment);
        Assert.Equal(f.Case.LastHash, again.LastHash);
    }

    [Fact]
    public void Chain_AChangedAmount_BreaksAtThatEvent()
    {
        var events = FullCase().Case.Events.ToList();
        var decided = events.FindIndex(e => e.Type == PenaltyEventTypes.Decided);
        events[decided] = events[decided] with { Data = events[decided].Data.Replace("40000", "4000", StringComparison.Ordinal) };

        var verification = PenaltyChain.Verify(events);

        Assert.False(verification.Valid);
        Assert.Equal(events[decided].Seq, verification.BrokenAtSeq);
    }

    [Fact]
    public void EventData_StoresEnumsByName()
    {
        var f = FullCase();

        var decided = f.Case.Events.Single(e => e.Type == PenaltyEventTypes.Decided).Data;

        Assert.Contains("\"outcome\":\"penalty\"", decided, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"fine\"", decided, StringComparison.Ordinal);
        Assert.Contains("\"circumstance\":\"ordinary\"", decided, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEventType_HasItsDataType() =>
        Assert.All(PenaltyEventTypes.All, t => Assert.True(typeof(PenaltyEventData).IsAssignableFrom(PenaltyEventTypes.DataTypeOf(t))));

    [Fact]
    [Trait("Source", "行政处罚法 第四十四条, 第五十九条, 第六十一条, 第六十四条")]
    public void Documents_EachWrittenActIsRecordedWithItsEvent()
    {
        var f = FullCase();

        Assert.Equal(
            ["penalty-notice", "hearing-notice", "hearing-record", "collective-decision-record", "penalty-decision", "delivery-receipt"],
            f.Case.Documents.Select(d => d.Type));
        Assert.Equal(f.Case.Documents.Count, f.Case.Documents.Select(d => d.Id).Distinct().Count());
        Assert.All(f.Case.Documents, d => Assert.StartsWith(f.Case.CaseNo + "-", d.Id, StringComparison.Ordinal));
    }
}
