using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using static PowerFunctions.Domain.Tests.Complaints.ComplaintFixture;

namespace PowerFunctions.Domain.Tests.Complaints;

public sealed class ComplaintLifecycleTests
{
    [Theory]
    [InlineData(ComplaintChannel.Hotline)]
    [InlineData(ComplaintChannel.MiniProgram)]
    [InlineData(ComplaintChannel.Open311)]
    public void Ticket_FromEachChannel_GoesFromIntakeToClosure(ComplaintChannel channel)
    {
        var f = new ComplaintFixture(department: null, channel: channel)
            .Assign("D01", Supervisor)
            .On(9, 21).Accept()
            .Explain(D(10, 30))
            .On(10, 9).Answer()
            .On(10, 12).FollowUp(true)
            .Close();

        Assert.Equal(ComplaintState.Closed, f.Ticket.State);
        Assert.Equal(
            ["received", "assigned", "accepted", "explained", "answered", "followed-up", "closed"],
            f.Ticket.Events.Select(e => e.Type));
        Assert.Equal(D(10, 12), f.Ticket.ClosedOn);
        Assert.True(ComplaintChain.Verify(f.Ticket.Events).Valid);
        Assert.All(f.Deadlines, d => Assert.False(d.IsOpen));
        Assert.Single(f.Ticket.Documents);
    }

    [Fact]
    public void Ticket_Refolded_FromItsEvents_IsTheSame()
    {
        var f = new ComplaintFixture().Transfer("D02").Accept(HandlerD02).Explain(D(10, 30), HandlerD02).Answer(HandlerD02).FollowUp(false).Reopen();

        var again = Complaint.FromEvents(f.Ticket.TicketNo, f.Ticket.Events);

        Assert.Equal((f.Ticket.State, f.Ticket.Owner, f.Ticket.Round, f.Ticket.Version, f.Ticket.LastHash), (again.State, again.Owner, again.Round, again.Version, again.LastHash));
        Assert.Equal(f.Ticket.Terms, again.Terms);
        Assert.Equal(f.Ticket.Contact, again.Contact);
    }

    [Fact]
    [Trait("Source", "信访工作条例 (2022) (复查 within 30 days of the written answer)")]
    public void Answer_PetitionType_IssuesAnAnswerOpinionThatNamesNobodyAndTellsTheReview()
    {
        var f = new ComplaintFixture().Accept();

        var draft = f.Ticket.Answer("经核查，情况属实，已责令整改。", HandlerD01, f.Context, "市场监督管理局").Value;

        var document = draft.Document!;
        Assert.Equal("T-20260918-000001-answer-1", document.DocumentId);
        Assert.Equal("《信访工作条例》", document.LegalBasis);
        Assert.Contains(new KeyValuePair<string, string>("承办部门", "市场监督管理局"), document.Fields);
        Assert.Contains(new KeyValuePair<string, string>("诉求类别", "投诉"), document.Fields);
        Assert.Contains("经核查，情况属实，已责令整改。", document.Paragraphs);
        Assert.Contains(document.Paragraphs, p => p.Contains("30日内", StringComparison.Ordinal) && p.Contains("复查", StringComparison.Ordinal));
        var printed = string.Join("\n", document.Fields.Select(x => x.Value).Concat(document.Paragraphs));
        Assert.DoesNotContain("张小三", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("13800001234", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_AfterAReopening_IsANewDocument()
    {
        var f = new ComplaintFixture(category: "help").Answer().FollowUp(false).Reopen();

        var document = f.Ticket.Answer("再次答复", HandlerD01, f.Context).Value.Document!;

        Assert.Equal("T-20260918-000001-answer-2", document.DocumentId);
        Assert.Contains(document.Fields, x => x.Key == "办理轮次");
        Assert.Equal("D01", document.Fields.Single(x => x.Key == "承办部门").Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Answer_Empty_Refused(string? answer)
    {
        var f = new ComplaintFixture().Accept();

        Assert.Equal(["answer"], f.Fail(t => t.Answer(answer, HandlerD01, f.Context)).Errors!.Keys);
    }

    [Fact]
    public void Answer_TooLong_Refused()
    {
        var f = new ComplaintFixture().Accept();

        Assert.Equal(["answer"], f.Fail(t => t.Answer(new string('答', ComplaintRules.MaxAnswerLength + 1), HandlerD01, f.Context)).Errors!.Keys);
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访)")]
    public void FollowUp_Twice_Conflict()
    {
        var f = new ComplaintFixture().Accept().Answer().FollowUp(true);

        Assert.Equal("complaint.already_followed_up", f.Fail(t => t.FollowUp(false, "又不满意了", Hotline, f.Context)).Code);
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访)")]
    public void FollowUp_DissatisfiedWithoutNote_Refused()
    {
        var f = new ComplaintFixture().Accept().Answer();

        Assert.Equal(["note"], f.Fail(t => t.FollowUp(false, "  ", Hotline, f.Context)).Errors!.Keys);
        Assert.Equal(["satisfied"], f.Fail(t => t.FollowUp(null, null, Hotline, f.Context)).Errors!.Keys);
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public void FollowUp_ByAHandlerOfAnotherDepartment_NotOwner()
    {
        var f = new ComplaintFixture().Accept().Answer();

        Assert.Equal("complaint.not_owner", f.Fail(t => t.FollowUp(true, null, HandlerD02, f.Context)).Code);
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访 before 办结)")]
    public void Close_WithoutFollowUp_Conflict()
    {
        var f = new ComplaintFixture().Accept().Answer();

        var error = f.Fail(t => t.Close(HandlerD01, f.Context));

        Assert.Equal(("complaint.follow_up_required", ErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访 before 办结)")]
    public void Close_AnonymousTicket_NobodyToFollowUp()
    {
        var f = new ComplaintFixture(category: "report", anonymous: true).Accept().Answer().Close(HandlerD01);

        Assert.Equal(ComplaintState.Closed, f.Ticket.State);
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访不满意)")]
    public void Close_AfterADissatisfiedFollowUp_OnlyByHotlineOrSupervisor()
    {
        var f = new ComplaintFixture().Accept().Answer().FollowUp(false);

        var error = f.Fail(t => t.Close(HandlerD01, f.Context));
        f.Close(Supervisor);

        Assert.Equal(("complaint.dissatisfied_close_needs_supervision", ErrorKind.Forbidden), (error.Code, error.Kind));
        Assert.Equal(ComplaintState.Closed, f.Ticket.State);
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访不满意 → 重办)")]
    public void Reopen_AfterASatisfiedFollowUp_Conflict()
    {
        var f = new ComplaintFixture().Accept().Answer().FollowUp(true);

        Assert.Equal("complaint.reopen_requires_dissatisfaction", f.Fail(t => t.Reopen("想再查查", Supervisor, f.Context)).Code);
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访不满意 → 重办)")]
    public void Reopen_WithoutFollowUp_Conflict()
    {
        var f = new ComplaintFixture().Accept().Answer();

        Assert.Equal("complaint.reopen_requires_dissatisfaction", f.Fail(t => t.Reopen("想再查查", Supervisor, f.Context)).Code);
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访不满意 → 重办)")]
    public void Reopen_AClosedTicketAfterADissatisfiedFollowUp_StartsAnotherRound()
    {
        var f = new ComplaintFixture().Accept().Answer().FollowUp(false).Close(Supervisor).On(10, 9).Reopen(Supervisor);

        Assert.Equal((ComplaintState.Reopened, 2), (f.Ticket.State, f.Ticket.Round));
        Assert.Null(f.Ticket.CurrentFollowUp);
        Assert.Equal(D(10, 9), f.Ticket.AnswerClockStart());
    }

    [Fact]
    public void Reopen_WithoutReason_Refused()
    {
        var f = new ComplaintFixture().Accept().Answer().FollowUp(false);

        Assert.Equal(["reason"], f.Fail(t => t.Reopen(null, Hotline, f.Context)).Errors!.Keys);
    }

    [Fact]
    public void Assign_WithoutDepartment_Refused()
    {
        var f = new ComplaintFixture(department: null, channel: ComplaintChannel.Hotline);

        Assert.Equal(["department"], f.Fail(t => t.Assign(" ", Hotline, f.Context)).Errors!.Keys);
    }

    [Fact]
    public void FromEvents_NoEvents_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Complaint.FromEvents("T-1", []));
    }
}
