using PowerFunctions.Domain.Cases;

namespace PowerFunctions.Domain.Tests.Cases;

public sealed class CaseChainTests
{
    private static IReadOnlyList<CaseEvent> Events() => new CaseFixture().Accept().ReviewBoth().Decide().Case.Events;

    [Fact]
    public void Verify_UntouchedChain_IsValid()
    {
        var events = Events();

        var result = CaseChain.Verify(events);

        Assert.True(result.Valid);
        Assert.Equal(5, result.Events);
        Assert.Equal(CaseChain.Genesis, events[0].PreviousHash);
        Assert.All(events.Skip(1), (e, i) => Assert.Equal(events[i].Hash, e.PreviousHash));
    }

    [Fact]
    public void Verify_ChangedData_NamesThatEvent()
    {
        var events = Events().ToList();
        events[2] = events[2] with { Data = events[2].Data.Replace("符合条件", "不符合条件", StringComparison.Ordinal) };

        var result = CaseChain.Verify(events);

        Assert.False(result.Valid);
        Assert.Equal(3, result.BrokenAtSeq);
    }

    [Fact]
    public void Verify_RecomputedHashOfChangedEvent_BreaksTheNextLink()
    {
        var events = Events().ToList();
        var e = events[1] with { Actor = "someone-else" };
        events[1] = e with { Hash = CaseChain.HashOf(e.Seq, e.Type, e.At, e.Actor, e.ActorName, e.Role, e.Data, e.PreviousHash) };

        var result = CaseChain.Verify(events);

        Assert.Equal(3, result.BrokenAtSeq);
    }

    [Fact]
    public void Verify_RemovedEvent_NamesTheGap()
    {
        var events = Events().ToList();
        events.RemoveAt(2);

        var result = CaseChain.Verify(events);

        Assert.False(result.Valid);
        Assert.Equal(3, result.BrokenAtSeq);
    }

    [Fact]
    public void Verify_ChangedTime_IsDetected()
    {
        var events = Events().ToList();
        events[0] = events[0] with { At = "2026-09-17T09:30:00.000+08:00" };

        Assert.Equal(1, CaseChain.Verify(events).BrokenAtSeq);
    }

    [Fact]
    public void Fold_EventsRoundTrip_GivesTheSameCase()
    {
        var original = new CaseFixture().Accept().ReviewBoth().Decide().Case;

        var folded = Case.FromEvents(original.CaseNo, original.Events);

        Assert.Equal(original.State, folded.State);
        Assert.Equal(original.Version, folded.Version);
        Assert.Equal(original.LastHash, folded.LastHash);
        Assert.Equal(original.Documents, folded.Documents);
    }
}
