using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using static PowerFunctions.Domain.Tests.Complaints.ComplaintFixture;

namespace PowerFunctions.Domain.Tests.Complaints;

public sealed class ComplaintChainTests
{
    private static List<ComplaintEvent> Events() => [.. new ComplaintFixture().Accept().Explain(D(10, 30)).Answer().Ticket.Events];

    [Fact]
    public void Verify_UntouchedChain_IsValidAndLinked()
    {
        var events = Events();

        var result = ComplaintChain.Verify(events);

        Assert.True(result.Valid);
        Assert.Equal(4, result.Events);
        Assert.Equal(HashChain.Genesis, events[0].PreviousHash);
        Assert.All(events.Skip(1), (e, i) => Assert.Equal(events[i].Hash, e.PreviousHash));
        Assert.Equal(events[^1].Hash, result.LastHash);
        Assert.Equal("D01", events[1].Department);
        Assert.Null(events[0].Department);
    }

    [Fact]
    public void Verify_ChangedAnswer_NamesThatEvent()
    {
        var events = Events();
        events[3] = events[3] with { Data = events[3].Data.Replace("批评教育", "表扬", StringComparison.Ordinal) };

        var result = ComplaintChain.Verify(events);

        Assert.False(result.Valid);
        Assert.Equal(4, result.BrokenAtSeq);
    }

    [Fact]
    public void Verify_ActingDepartmentRewritten_Broken()
    {
        var events = Events();
        events[1] = events[1] with { Department = "D02" };

        Assert.Equal(2, ComplaintChain.Verify(events).BrokenAtSeq);
    }

    [Fact]
    public void Verify_RehashedButRelinkedEvent_BreaksTheNextLink()
    {
        var events = Events();
        var changed = events[1] with { ActorName = "别人" };
        events[1] = changed with { Hash = ComplaintChain.HashOf(changed) };

        Assert.Equal(3, ComplaintChain.Verify(events).BrokenAtSeq);
    }

    [Fact]
    public void Verify_RemovedEvent_Broken()
    {
        var events = Events();
        events.RemoveAt(1);

        Assert.Equal(2, ComplaintChain.Verify(events).BrokenAtSeq);
    }

    [Fact]
    public void Seal_StoresEnumsByName_AndRoundTrips()
    {
        var events = Events();

        Assert.Contains("\"category\":\"Complaint\"", events[0].Data, StringComparison.Ordinal);
        Assert.Contains("\"unit\":\"Calendar\"", events[0].Data, StringComparison.Ordinal);
        Assert.Contains("\"route\":\"Explicit\"", events[0].Data, StringComparison.Ordinal);
        var received = Assert.IsType<ComplaintEventData.Received>(ComplaintChain.DataOf(events[0]));
        Assert.Equal(ComplaintLimits.Defaults.TermsFor(ComplaintCategory.Complaint), received.Terms);
    }

    [Fact]
    public void DataOf_UnknownType_Throws()
    {
        var e = Events()[0] with { Type = "invented" };

        Assert.Throws<InvalidOperationException>(() => ComplaintChain.DataOf(e));
    }
}
