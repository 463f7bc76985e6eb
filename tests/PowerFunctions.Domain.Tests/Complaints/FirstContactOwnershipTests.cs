using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using static PowerFunctions.Domain.Tests.Complaints.ComplaintFixture;

namespace PowerFunctions.Domain.Tests.Complaints;

/// <summary>首问负责: the first department reached owns the ticket until another accepts a transfer.</summary>
public sealed class FirstContactOwnershipTests
{
    private const string Source = "seed 003 (第五篇 首问负责制)";

    [Fact]
    [Trait("Source", Source)]
    public void Assign_UndispatchedTicket_TheFirstDepartmentReachedOwnsIt()
    {
        var f = new ComplaintFixture(department: null, channel: ComplaintChannel.Hotline).On(9, 21).Assign("D02");

        Assert.Equal(ComplaintState.Assigned, f.Ticket.State);
        Assert.Equal("D02", f.Ticket.Owner);
        Assert.Equal("D02", f.Ticket.FirstDepartment);
        Assert.Equal(D(9, 21), f.Ticket.ReachedOn);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Transfer_NotAccepted_StaysWithTheOwner()
    {
        var f = new ComplaintFixture().Accept().Transfer("D02");

        Assert.Equal("D01", f.Ticket.Owner);
        Assert.Equal(ComplaintState.InProgress, f.Ticket.State);
        Assert.Equal("D02", f.Ticket.PendingTransfer!.To);
        Assert.Equal("不属于本部门职责", f.Ticket.PendingTransfer.Reason);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Transfer_NotAccepted_OwnerStillAnswersAndTheTargetCannot()
    {
        var f = new ComplaintFixture().Accept().Transfer("D02");

        var error = f.Fail(t => t.Answer("由我部门答复", HandlerD02, f.Context));
        f.Answer();

        Assert.Equal("complaint.not_owner", error.Code);
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Equal(ComplaintState.Answered, f.Ticket.State);
        Assert.Null(f.Ticket.PendingTransfer);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Accept_ByTheTransferTarget_MovesOwnership()
    {
        var f = new ComplaintFixture().Accept().Transfer("D02").On(9, 21).Accept(HandlerD02);

        Assert.Equal("D02", f.Ticket.Owner);
        Assert.Equal("D01", f.Ticket.FirstDepartment);
        Assert.Null(f.Ticket.PendingTransfer);
        Assert.Equal(ComplaintState.InProgress, f.Ticket.State);
        var accepted = f.Ticket.Acceptances[^1];
        Assert.Equal(("D02", "D01", D(9, 21)), (accepted.Department, accepted.TransferredFrom, accepted.On));
        Assert.Equal("complaint.not_owner", f.Fail(t => t.Answer("旧部门答复", HandlerD01, f.Context)).Code);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Accept_ByATransferTargetOnAnAssignedTicket_StartsHandlingThere()
    {
        var f = new ComplaintFixture().Transfer("D02").Accept(HandlerD02);

        Assert.Equal(ComplaintState.InProgress, f.Ticket.State);
        Assert.Equal("D02", f.Ticket.Owner);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Accept_ByTheOwnerWhileATransferIsPending_KeepsItAndDropsTheTransfer()
    {
        var f = new ComplaintFixture().Transfer("D02").Accept();

        Assert.Equal("D01", f.Ticket.Owner);
        Assert.Null(f.Ticket.PendingTransfer);
        Assert.Equal("complaint.not_owner", f.Fail(t => t.Accept(HandlerD02, f.Context)).Code);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Transfer_Again_ReplacesThePendingOne()
    {
        var f = new ComplaintFixture().Accept().Transfer("D02").Transfer("D03");

        Assert.Equal("D03", f.Ticket.PendingTransfer!.To);
        Assert.Equal(2, f.Ticket.Transfers.Count);
        Assert.Equal("complaint.not_owner", f.Fail(t => t.Accept(HandlerD02, f.Context)).Code);
        f.Accept(HandlerD03);
        Assert.Equal("D03", f.Ticket.Owner);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Transfer_NotAccepted_ClocksKeepRunningFromTheFirstDepartment()
    {
        var f = new ComplaintFixture(category: "consultation").On(9, 21).Transfer("D02");
        var before = f.Deadlines;

        f.On(9, 24).Accept(HandlerD02);

        Assert.Equal(before.Select(d => (d.Kind, d.Round, d.StartedOn, d.Due)), f.Deadlines.Select(d => (d.Kind, d.Round, d.StartedOn, d.Due)));
        Assert.Equal(D(9, 22), f.Deadline(ComplaintDeadlineKind.Answer).Due);
    }

    [Theory]
    [Trait("Source", Source)]
    [InlineData("D01")]
    [InlineData("D/02")]
    [InlineData(null)]
    public void Transfer_ToItselfOrNoDepartment_Refused(string? to)
    {
        var f = new ComplaintFixture().Accept();

        var error = f.Fail(t => t.Transfer(to, "理由", HandlerD01, f.Context));

        Assert.Equal(ComplaintErrors.ValidationFailed, error.Code);
        Assert.Equal(["department"], error.Errors!.Keys);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Transfer_WithoutReason_Refused()
    {
        var f = new ComplaintFixture().Accept();

        Assert.Equal(["reason"], f.Fail(t => t.Transfer("D02", " ", HandlerD01, f.Context)).Errors!.Keys);
    }

    [Theory]
    [Trait("Source", Source)]
    [InlineData(ComplaintAction.Transfer)]
    [InlineData(ComplaintAction.Accept)]
    [InlineData(ComplaintAction.Explain)]
    [InlineData(ComplaintAction.Answer)]
    public void HandlerOfAnotherDepartment_CannotActOnTheTicket(ComplaintAction action)
    {
        var f = new ComplaintFixture();
        var c = f.Context;

        var error = f.Fail(t => action switch
        {
            ComplaintAction.Transfer => t.Transfer("D03", "理由", HandlerD02, c),
            ComplaintAction.Accept => t.Accept(HandlerD02, c),
            ComplaintAction.Explain => t.Explain(D(9, 25), "理由", HandlerD02, c),
            _ => t.Answer("答复", HandlerD02, c),
        });

        Assert.Equal("complaint.not_owner", error.Code);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Accept_TwiceByTheOwner_Conflict()
    {
        var f = new ComplaintFixture().Accept();

        Assert.Equal("complaint.already_accepted", f.Fail(t => t.Accept(HandlerD01, f.Context)).Code);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Reopen_StaysWithTheOwner()
    {
        var f = new ComplaintFixture().Transfer("D02").Accept(HandlerD02).Answer(HandlerD02).FollowUp(false).Reopen();

        Assert.Equal("D02", f.Ticket.Owner);
        Assert.Equal(ComplaintState.Reopened, f.Ticket.State);
        f.Answer(HandlerD02);
    }
}
