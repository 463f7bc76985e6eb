using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using static PowerFunctions.Domain.Tests.Complaints.ComplaintFixture;

namespace PowerFunctions.Domain.Tests.Complaints;

public sealed class ComplaintStateMachineTests
{
    public static TheoryData<ComplaintState, ComplaintAction> EveryStateAndAction()
    {
        var data = new TheoryData<ComplaintState, ComplaintAction>();
        foreach (var state in Enum.GetValues<ComplaintState>())
        {
            foreach (var action in Enum.GetValues<ComplaintAction>())
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [Trait("Source", "seed 003 (第五篇 首问负责制); local 12345 rules")]
    [InlineData(ComplaintState.Received, "assign")]
    [InlineData(ComplaintState.Assigned, "transfer,accept,explain,answer")]
    [InlineData(ComplaintState.InProgress, "transfer,accept,explain,answer")]
    [InlineData(ComplaintState.Reopened, "transfer,accept,explain,answer")]
    [InlineData(ComplaintState.Answered, "follow-up,reopen,close")]
    [InlineData(ComplaintState.Closed, "reopen")]
    public void AllowedCommandsIn_EachState_IsTheTable(ComplaintState state, string allowed)
    {
        Assert.Equal(allowed.Split(','), ComplaintStateMachine.AllowedCommandsIn(state));
    }

    [Theory]
    [Trait("Source", "API.md Complaints and the hotline; local 12345 rules")]
    [InlineData(ComplaintAction.Assign, "hotline,supervisor")]
    [InlineData(ComplaintAction.Transfer, "handler")]
    [InlineData(ComplaintAction.Accept, "handler")]
    [InlineData(ComplaintAction.Explain, "handler")]
    [InlineData(ComplaintAction.Answer, "handler")]
    [InlineData(ComplaintAction.FollowUp, "handler,hotline,supervisor")]
    [InlineData(ComplaintAction.Reopen, "handler,hotline,supervisor")]
    [InlineData(ComplaintAction.Close, "handler,hotline,supervisor")]
    public void RolesFor_EachAction_IsTheTable(ComplaintAction action, string roles)
    {
        Assert.Equal(roles.Split(','), ComplaintStateMachine.RolesFor(action));
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void Command_InEveryState_RefusedExactlyWhenTheTableSaysSo(ComplaintState state, ComplaintAction action)
    {
        var f = InState(state);

        var result = Run(f, action);

        if (ComplaintStateMachine.Allows(state, action))
        {
            Assert.True(result.IsSuccess || result.Error.Code != "complaint.invalid_transition");
        }
        else
        {
            Assert.False(result.IsSuccess);
            Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
            Assert.Equal("complaint.invalid_transition", result.Error.Code);
            Assert.Equal(ComplaintStateMachine.AllowedCommandsIn(state), result.Error.Extensions!["allowed"]);
        }

        Assert.Equal(state, f.Ticket.State);
    }

    [Theory]
    [InlineData(ComplaintAction.Assign, ComplaintRoles.Handler)]
    [InlineData(ComplaintAction.Assign, ComplaintRoles.Citizen)]
    [InlineData(ComplaintAction.Answer, ComplaintRoles.Hotline)]
    [InlineData(ComplaintAction.Answer, ComplaintRoles.Supervisor)]
    [InlineData(ComplaintAction.Transfer, ComplaintRoles.Supervisor)]
    [InlineData(ComplaintAction.FollowUp, ComplaintRoles.Citizen)]
    [InlineData(ComplaintAction.Close, ComplaintRoles.Partner)]
    public void Command_ByARoleNotInTheTable_Forbidden(ComplaintAction action, string role)
    {
        var f = InState(action == ComplaintAction.Assign ? ComplaintState.Received : action is ComplaintAction.FollowUp or ComplaintAction.Close ? ComplaintState.Answered : ComplaintState.InProgress);
        var actor = new ComplaintActor("x", "某人", role, "D01");

        var error = f.Fail(t => Run(t, action, actor, f.Context));

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Equal("complaint.role_not_allowed", error.Code);
    }

    [Fact]
    public void IsFinal_OnlyClosed()
    {
        Assert.Equal([ComplaintState.Closed], Enum.GetValues<ComplaintState>().Where(ComplaintStateMachine.IsFinal));
    }

    internal static ComplaintFixture InState(ComplaintState state) => state switch
    {
        ComplaintState.Received => new ComplaintFixture(department: null, channel: Domain.Complaints.ComplaintChannel.Hotline),
        ComplaintState.Assigned => new ComplaintFixture(),
        ComplaintState.InProgress => new ComplaintFixture().Accept(),
        ComplaintState.Answered => new ComplaintFixture().Accept().Answer(),
        ComplaintState.Closed => new ComplaintFixture().Accept().Answer().FollowUp(true).Close(),
        _ => new ComplaintFixture().Accept().Answer().FollowUp(false).Reopen(),
    };

    private static Result<ComplaintEventDraft> Run(ComplaintFixture f, ComplaintAction action)
    {
        var actor = action switch
        {
            ComplaintAction.Assign or ComplaintAction.FollowUp or ComplaintAction.Reopen or ComplaintAction.Close => Hotline,
            _ => HandlerD01,
        };
        return Run(f.Ticket, action, actor, f.Context);
    }

    private static Result<ComplaintEventDraft> Run(Complaint t, ComplaintAction action, ComplaintActor actor, ComplaintContext context) => action switch
    {
        ComplaintAction.Assign => t.Assign("D02", actor, context),
        ComplaintAction.Transfer => t.Transfer("D02", "不属于本部门职责", actor, context),
        ComplaintAction.Accept => t.Accept(actor, context),
        ComplaintAction.Explain => t.Explain(context.Today.AddDays(5), "需要研究", actor, context),
        ComplaintAction.Answer => t.Answer("答复", actor, context),
        ComplaintAction.FollowUp => t.FollowUp(true, null, actor, context),
        ComplaintAction.Reopen => t.Reopen("不满意", actor, context),
        _ => t.Close(actor, context),
    };
}
