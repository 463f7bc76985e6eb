using PowerFunctions.Domain.Complaints;
using static PowerFunctions.Domain.Tests.Complaints.ComplaintFixture;

namespace PowerFunctions.Domain.Tests.Complaints;

public sealed class TicketStatusMessagesTests
{
    [Fact]
    [Trait("Source", "API.md Queues (ticket-status topic); local 12345 rules (办理情况反馈)")]
    public void For_HotlineTicket_EveryStateOrOwnerChangeAndNothingElse()
    {
        var f = new ComplaintFixture(department: null, channel: ComplaintChannel.Hotline);
        var messages = new List<TicketStatusMessage?> { TicketStatusMessages.For(null, f.Ticket) };
        void Step(Action<ComplaintFixture> act)
        {
            var before = f.Ticket;
            act(f);
            messages.Add(TicketStatusMessages.For(before, f.Ticket));
        }

        Step(x => x.Assign());
        Step(x => x.Transfer("D02"));
        Step(x => x.Accept(HandlerD02));
        Step(x => x.Explain(D(10, 30), HandlerD02));
        Step(x => x.On(9, 28).Answer(HandlerD02));
        Step(x => x.FollowUp(true));
        Step(x => x.Close());

        Assert.Equal(
            ["received@", "assigned@D01", "-", "in-progress@D02", "-", "answered@D02", "-", "closed@D02"],
            messages.Select(m => m is null ? "-" : $"{m.State}@{m.Department}"));
        var first = messages[0]!;
        Assert.Equal(("T-20260918-000001-1", "T-20260918-000001", "HL-2026-0001", 1L), (first.MessageId, first.TicketNo, first.HotlineTicketId, first.Seq));
        var answered = messages[5]!;
        Assert.Equal("经核查，窗口人员已批评教育，材料已当场受理。", answered.AnswerSummary);
        Assert.Equal(new DateTimeOffset(2026, 9, 28, 10, 0, 0, TimeSpan.FromHours(8)), answered.At);
        Assert.All(messages.Where(m => m is not null && m.State != "answered"), m => Assert.Null(m!.AnswerSummary));
    }

    [Fact]
    public void For_TicketFromAnotherChannel_Nothing()
    {
        var f = new ComplaintFixture(channel: ComplaintChannel.MiniProgram);
        var before = f.Ticket;

        f.Accept();

        Assert.Null(TicketStatusMessages.For(null, before));
        Assert.Null(TicketStatusMessages.For(before, f.Ticket));
    }

    [Fact]
    [Trait("Source", "信访工作条例 (2022)")]
    public void For_ReportFromTheHotline_NeverCarriesTheReporter()
    {
        var f = new ComplaintFixture(category: "report", channel: ComplaintChannel.Hotline);

        var message = TicketStatusMessages.For(null, f.Ticket)!;

        Assert.DoesNotContain("张小三", message.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("13800001234", message.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, false)]
    [InlineData(201, true)]
    public void Summary_LongAnswer_CutAt200Characters(int length, bool cut)
    {
        var summary = TicketStatusMessages.Summary(new string('答', length))!;

        Assert.Equal(cut ? 201 : 200, summary.Length);
        Assert.Equal(cut, summary.EndsWith('…'));
    }
}
