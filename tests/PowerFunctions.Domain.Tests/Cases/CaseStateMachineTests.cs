using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Tests.Cases;

public sealed class CaseStateMachineTests
{
    public static TheoryData<string, string> EveryStateAndCommand()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in Enum.GetValues<CaseState>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                data.Add(CaseNames.Of(state), CaseNames.Of(action));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndCommand))]
    public void Command_InEveryState_AllowedOrInvalidTransitionWithAllowedList(string stateName, string actionName)
    {
        var state = CaseNames.ParseState(stateName);
        var action = Enum.GetValues<CaseAction>().Single(a => CaseNames.Of(a) == actionName);
        var fixture = InState(state);
        Assert.Equal(state, fixture.Case.State);

        var result = Run(fixture, action);

        if (CaseStateMachine.Allows(state, action))
        {
            Assert.True(result.IsSuccess || result.Error.Code != "case.invalid_transition", $"{actionName} should be allowed in {stateName}");
        }
        else
        {
            Assert.False(result.IsSuccess);
            Assert.Equal("case.invalid_transition", result.Error.Code);
            Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
            Assert.Equal(CaseStateMachine.AllowedCommandsIn(state), (IReadOnlyList<string>)result.Error.Extensions!["allowed"]!);
        }
    }

    [Theory]
    [InlineData("submitted", "correction-notice,accept,refuse,withdraw")]
    [InlineData("correction-requested", "supplement,refuse,withdraw")]
    [InlineData("accepted", "review,site-inspection,expert-draw,collective-decision,suspend,extend,joint-opinion,decide,withdraw")]
    [InlineData("under-review", "review,site-inspection,expert-draw,collective-decision,suspend,extend,joint-opinion,decide,withdraw")]
    [InlineData("suspended", "resume,joint-opinion,withdraw")]
    [InlineData("decided", "deliver")]
    [InlineData("in-publicity", "objections,objection-answer")] // 异议 answered by the decider (seed 000 §5(二)7)
    [InlineData("awaiting-delivery", "objection-answer,deliver")]
    [InlineData("delivered", "")]
    [InlineData("refused", "")]
    [InlineData("closed", "")]
    [InlineData("withdrawn", "")]
    public void AllowedCommands_ByState_MatchTheTable(string state, string allowed)
    {
        Assert.Equal(allowed, string.Join(',', CaseStateMachine.AllowedCommandsIn(CaseNames.ParseState(state))));
    }

    /// <summary>Drives a fresh case into <paramref name="state"/> with real commands.</summary>
    public static CaseFixture InState(CaseState state)
    {
        var f = new CaseFixture();
        switch (state)
        {
            case CaseState.Submitted:
                break;
            case CaseState.CorrectionRequested:
                f.Do(c => c.RequestCorrection([new MissingMaterial("M2", "模糊")], f.Context), CaseFixture.Acceptor);
                break;
            case CaseState.Accepted:
                f.Accept();
                break;
            case CaseState.Refused:
                f.Do(c => c.Refuse("不属于本机关职权"), CaseFixture.Acceptor);
                break;
            case CaseState.UnderReview:
                f.Accept().Do(c => c.RecordReview("A", "好", DecisionOutcome.Approve, CaseFixture.ReviewerA), CaseFixture.ReviewerA);
                break;
            case CaseState.Suspended:
                f.Accept().Do(c => c.Suspend(SuspensionReason.Testing, null, new DateOnly(2026, 9, 30), f.Context), CaseFixture.ReviewerA);
                break;
            case CaseState.Decided:
                f.Accept().ReviewBoth().Decide(DecisionOutcome.Deny, "不符合条件");
                break;
            case CaseState.InPublicity:
                f.Accept().ReviewBoth().Decide();
                break;
            case CaseState.AwaitingDelivery:
                f.Accept().ReviewBoth().Decide().On(10, 12).EndPublicity();
                break;
            case CaseState.Delivered:
                f.Accept().ReviewBoth().Decide(DecisionOutcome.Deny, "不符合").Deliver();
                break;
            case CaseState.Closed:
                f.Accept().ReviewBoth().Decide(DecisionOutcome.Deny, "不符合").Deliver().Publish();
                break;
            case CaseState.Withdrawn:
                f.Do(c => c.Withdraw("不办了", CaseFixture.Citizen), CaseFixture.Citizen);
                break;
        }

        return f;
    }

    private static Result<CaseEventDraft> Run(CaseFixture f, CaseAction action)
    {
        var c = f.Case;
        var ctx = f.Context;
        return action switch
        {
            CaseAction.CorrectionNotice => c.RequestCorrection([new MissingMaterial("M1", "缺")], ctx),
            CaseAction.Supplement => c.Supplement([new MaterialRef("M2", "营业执照")], CaseFixture.Citizen, ctx),
            CaseAction.Accept => c.Accept(ctx),
            CaseAction.Refuse => c.Refuse("理由"),
            CaseAction.Review => c.RecordReview("B", "意见", DecisionOutcome.Approve, CaseFixture.ReviewerB),
            CaseAction.SiteInspection => c.RecordSiteInspection(["甲", "乙"], "报告", "甲"),
            CaseAction.ExpertDraw => c.DrawExperts(CaseFixture.Register(), 1, 42, new DateOnly(2026, 10, 30), ctx),
            CaseAction.CollectiveDecision => c.RecordCollectiveDecision(["甲", "乙"], [new CollectiveVote("甲", Vote.Approve, null), new CollectiveVote("乙", Vote.Approve, null)], []),
            CaseAction.Suspend => c.Suspend(SuspensionReason.Testing, null, new DateOnly(2026, 10, 30), ctx),
            CaseAction.Resume => c.Resume(ctx),
            CaseAction.Extend => c.Extend(5, "情况复杂", CaseFixture.Decider, ctx),
            CaseAction.JointOpinion => c.GiveJointOpinion("D02", "同意", DecisionOutcome.Approve, ctx),
            CaseAction.Decide => c.Decide(DecisionOutcome.Deny, "不符合", ctx),
            CaseAction.Deliver => c.Deliver(DeliveryMethod.Post, "张小三", ctx),
            CaseAction.Withdraw => c.Withdraw("撤回", CaseFixture.Citizen),
            CaseAction.Objection => c.FileObjection("李四", "13900000000", "有异议"),
            CaseAction.ObjectionAnswer => c.AnswerObjection("o-1", ObjectionFinding.Dismissed, "不成立", ctx),
            CaseAction.DeemedAcceptance => c.DeemAccepted(ctx),
            CaseAction.EndPublicity => c.EndPublicity(ctx),
            CaseAction.PublishResult => c.PublishResult(ctx),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
