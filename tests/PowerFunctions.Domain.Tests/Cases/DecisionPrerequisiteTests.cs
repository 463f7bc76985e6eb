using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Tests.Cases;

/// <summary>What must be on record before a decision, and what binds it.</summary>
public sealed class DecisionPrerequisiteTests
{
    private static CaseEventData.CollectiveDecided Meeting(int attendees, params Vote[] votes) =>
        new(Enumerable.Range(1, attendees).Select(i => $"委员{i}").ToArray(), votes.Select((v, i) => new CollectiveVote($"委员{i + 1}", v, null)).ToArray(), []);

    public static TheoryData<int, Vote[], DecisionOutcome?> Majorities() => new()
    {
        { 3, [Vote.Approve, Vote.Approve, Vote.Deny], DecisionOutcome.Approve },
        { 3, [Vote.Deny, Vote.Deny, Vote.Approve], DecisionOutcome.Deny },
        { 4, [Vote.Approve, Vote.Approve, Vote.Deny, Vote.Deny], null },
        { 5, [Vote.Approve, Vote.Approve, Vote.Abstain, Vote.Abstain, Vote.Deny], null }, // 2 of 5 is no majority
        { 5, [Vote.Approve, Vote.Approve, Vote.Approve], DecisionOutcome.Approve },        // 3 of 5 present
        { 2, [Vote.Approve], null },
    };

    [Theory]
    [Trait("Source", "seed 000 §5(二)6, (三)1")]
    [MemberData(nameof(Majorities))]
    public void CollectiveMajority_MoreThanHalfOfTheAttendees(int attendees, Vote[] votes, DecisionOutcome? expected)
    {
        Assert.Equal(expected, CaseRules.CollectiveMajority(Meeting(attendees, votes)));
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)6, (三)1")]
    public void Decide_AgainstTheCollectiveMajority_IsRefused422()
    {
        var f = new CaseFixture(CaseFixture.Item(collective: true)).Accept().ReviewBoth();
        f.Do(c => c.RecordCollectiveDecision(["甲", "乙", "丙"], [new("甲", Vote.Deny, null), new("乙", Vote.Deny, null), new("丙", Vote.Approve, null)], [new("丙", "可以准予")]), CaseFixture.Decider);

        var result = f.Case.Decide(DecisionOutcome.Approve, "符合条件", f.Context);

        Assert.Equal("case.outcome_contradicts_collective_decision", result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Equal(["outcome"], result.Error.Errors!.Keys);
        Assert.True(f.Case.Decide(DecisionOutcome.Deny, "集体讨论决定不予许可", f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)6, (三)1")]
    public void Decide_MeetingWithoutMajority_IsRefused_AndAnotherMeetingMayBeHeld()
    {
        var f = new CaseFixture(CaseFixture.Item(collective: true)).Accept().ReviewBoth();
        f.Do(c => c.RecordCollectiveDecision(["甲", "乙"], [new("甲", Vote.Approve, null), new("乙", Vote.Deny, null)], []), CaseFixture.Decider);

        Assert.Equal("case.collective_no_majority", f.Case.Decide(DecisionOutcome.Approve, null, f.Context).Error!.Code);
        f.Do(c => c.RecordCollectiveDecision(["甲", "乙", "丙"], [new("甲", Vote.Approve, null), new("乙", Vote.Deny, null), new("丙", Vote.Approve, null)], [new("乙", "风险大")]), CaseFixture.Decider);

        Assert.True(f.Case.Decide(DecisionOutcome.Approve, null, f.Context).IsSuccess);
        Assert.Equal("case.collective_decision_recorded", f.Case.RecordCollectiveDecision(["甲", "乙"], [new("甲", Vote.Approve, null)], []).Error!.Code);
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)6")]
    public void Decide_ItemRequiringASiteInspection_WaitsForTheSignedRecord()
    {
        var f = new CaseFixture(CaseFixture.Item(siteInspection: true)).Accept().ReviewBoth();

        var early = f.Case.Decide(DecisionOutcome.Approve, null, f.Context);
        f.Do(c => c.RecordSiteInspection(["王审查", "赵复核"], "现场与申请一致", "王审查"), CaseFixture.ReviewerA);

        Assert.Equal("case.site_inspection_required", early.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, early.Error.Kind);
        Assert.True(f.Case.Decide(DecisionOutcome.Approve, null, f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)6")]
    public void Decide_ItemWithoutTheFlag_NeedsNoSiteInspection()
    {
        var f = new CaseFixture().Accept().ReviewBoth();

        Assert.True(f.Case.Decide(DecisionOutcome.Approve, null, f.Context).IsSuccess);
    }
}
