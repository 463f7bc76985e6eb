using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Documents;

namespace PowerFunctions.Domain.Tests.Cases;

/// <summary>Objections raised during publicity are answered by the decider before delivery (seed 000 §5(二)7, (二)8).</summary>
[Trait("Source", "seed 000 §5(二)7")]
public sealed class ObjectionTests
{
    private static CaseFixture Posted()
    {
        var f = new CaseFixture().Accept().ReviewBoth().On(9, 28).Decide();
        return f.Do(c => c.FileObjection("李四", "13900000000", "影响采光"), CaseActor.Public("李四"));
    }

    [Fact]
    public void FileObjection_EachGetsTheNextId()
    {
        var f = Posted().Do(c => c.FileObjection("王五", "13700000000", "噪音"), CaseActor.Public("王五"));

        Assert.Equal(["o-1", "o-2"], f.Case.Objections.Select(o => o.Id));
        Assert.All(f.Case.Objections, o => Assert.True(o.IsOpen));
    }

    [Fact]
    public void Deliver_WhileAnObjectionIsOpen_IsRefused_AfterItIsDismissedDelivered()
    {
        var f = Posted().On(10, 9).EndPublicity();

        var blocked = f.Case.Deliver(DeliveryMethod.Post, "张小三", f.Context);
        f.Do(c => c.AnswerObjection("o-1", ObjectionFinding.Dismissed, "日照分析符合标准", f.Context), CaseFixture.Decider).Deliver();

        Assert.Equal("case.objection_open", blocked.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, blocked.Error.Kind);
        Assert.Equal(CaseState.Delivered, f.Case.State);
        Assert.Equal(ObjectionFinding.Dismissed, f.Case.Objections.Single().Finding);
    }

    [Fact]
    public void AnswerObjection_Upheld_EndsPublicityAndReturnsTheCaseToReview_TheDecisionSetAside()
    {
        var f = Posted().On(9, 30);

        f.Do(c => c.AnswerObjection("o-1", ObjectionFinding.Upheld, "北侧住宅日照不足", f.Context), CaseFixture.Decider);

        Assert.Equal(CaseState.UnderReview, f.Case.State);
        Assert.Null(f.Case.Decision);
        Assert.Equal(DecisionOutcome.Approve, f.Case.SetAsideDecisions.Single().Outcome);
        Assert.True(f.Deadline(DeadlineKind.Decision).IsOpen);
        Assert.DoesNotContain(f.Deadlines(), d => d.Kind is DeadlineKind.PublicityEnd or DeadlineKind.Delivery);
        Assert.Equal(CaseEventTypes.ObjectionAnswered, f.Case.Events[^1].Type);

        f.Decide(DecisionOutcome.Deny, "日照不符合标准");

        Assert.Equal(CaseState.Decided, f.Case.State);
        Assert.Contains(f.Case.Documents, d => d.Id.EndsWith("-decision-2", StringComparison.Ordinal) && d.Type == DocumentKind.DenialDecision);
    }

    [Fact]
    public void AnswerObjection_AfterPublicityEnded_StillAnsweredBeforeDelivery()
    {
        var f = Posted().On(10, 9).EndPublicity();

        f.Do(c => c.AnswerObjection("o-1", ObjectionFinding.Upheld, "成立", f.Context), CaseFixture.Decider);

        Assert.Equal(CaseState.UnderReview, f.Case.State);
        Assert.Null(f.Case.PublicityEndedOn);
    }

    [Fact]
    public void AnswerObjection_UnknownAnsweredOrWithoutReasons_IsRefused()
    {
        var f = Posted();

        Assert.Equal(ErrorKind.NotFound, f.Case.AnswerObjection("o-9", ObjectionFinding.Dismissed, "x", f.Context).Error!.Kind);
        Assert.Equal("case.validation_failed", f.Case.AnswerObjection("o-1", ObjectionFinding.Dismissed, " ", f.Context).Error!.Code);
        f.Do(c => c.AnswerObjection("o-1", ObjectionFinding.Dismissed, "不成立", f.Context), CaseFixture.Decider);
        Assert.Equal("case.objection_answered", f.Case.AnswerObjection("o-1", ObjectionFinding.Upheld, "再议", f.Context).Error!.Code);
    }

    [Fact]
    public void ObjectionFiled_StoredBeforeIds_NumberedByTheFold()
    {
        var f = new CaseFixture().Accept().ReviewBoth().Decide();
        f.Do(_ => new CaseEventDraft(new CaseEventData.ObjectionFiled("甲", "1", "旧异议")), CaseActor.Public("甲"));

        Assert.Equal("o-1", f.Case.Objections.Single().Id);
    }
}
