using System.Text.Json;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Tests.Cases;

/// <summary>
/// Joint approval: one case, received and delivered by the lead; each other department gives its opinion
/// within its own limit; 45 wd, extensible once by 15; no decision before every opinion.
/// </summary>
[Trait("Source", "行政许可法 第二十六条, 第四十二条第二款")]
public sealed class JointApprovalTests
{
    private static CaseFixture Joint(int promised = 45) => new CaseFixture(CaseFixture.Item(joint: true, promised: promised)).Accept();

    [Fact]
    public void Accept_JointItem_EachDepartmentHasItsOwnOpinionClock_TheDecisionIs45WorkingDays()
    {
        var f = Joint();

        var deadlines = f.Deadlines();

        var d02 = deadlines.Single(d => d.Code == "joint-opinion-D02");
        var d03 = deadlines.Single(d => d.Code == "joint-opinion-D03");
        Assert.Equal(new DateOnly(2026, 9, 22), d02.Due); // 3 wd: 9/20 (make-up), 21, 22
        Assert.Equal(new DateOnly(2026, 9, 24), d03.Due); // 5 wd
        Assert.Equal(TestCalendars.Autumn2026.AddWorkingDays(new DateOnly(2026, 9, 18), 45).Date, f.Deadline(DeadlineKind.Decision).Due);
    }

    [Fact]
    public void Decide_BeforeEveryOpinion_IsRefused409_ThenDecided()
    {
        var f = Joint().ReviewBoth();
        f.Do(c => c.GiveJointOpinion("D02", "符合规划条件", DecisionOutcome.Approve, f.Context), new CaseActor("d02", "自规局审查员", "reviewer"));

        var early = f.Case.Decide(DecisionOutcome.Approve, null, f.Context);
        f.Do(c => c.GiveJointOpinion("D03", "同意", DecisionOutcome.Approve, f.Context), new CaseActor("d03", "住建局审查员", "reviewer"));

        Assert.Equal("case.joint_opinions_missing", early.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, early.Error.Kind);
        Assert.Contains("D03", early.Error.Detail, StringComparison.Ordinal);
        Assert.True(f.Case.Decide(DecisionOutcome.Approve, null, f.Context).IsSuccess);
        Assert.Equal(2, f.Case.JointOpinions.Count);
        Assert.Equal(DeadlineStatus.Met, f.Deadlines().Single(d => d.Code == "joint-opinion-D02").StatusAt(f.Calendar, f.Now));
    }

    [Fact]
    public void GiveJointOpinion_OtherDepartmentTwiceOrNotJoint_IsRefused()
    {
        var f = Joint();
        Assert.Equal(ErrorKind.Forbidden, f.Case.GiveJointOpinion("D09", "同意", DecisionOutcome.Approve, f.Context).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, f.Case.GiveJointOpinion("D01", "同意", DecisionOutcome.Approve, f.Context).Error!.Kind); // the lead decides, it gives no opinion
        Assert.Equal("case.validation_failed", f.Case.GiveJointOpinion("D02", " ", DecisionOutcome.Approve, f.Context).Error!.Code);

        f.Do(c => c.GiveJointOpinion("D02", "同意", DecisionOutcome.Approve, f.Context), new CaseActor("d02", "甲", "reviewer"));

        Assert.Equal("case.joint_opinion_given", f.Case.GiveJointOpinion("D02", "再议", DecisionOutcome.Deny, f.Context).Error!.Code);
        var single = new CaseFixture().Accept();
        Assert.Equal("case.not_joint", single.Case.GiveJointOpinion("D02", "同意", DecisionOutcome.Approve, single.Context).Error!.Code);
    }

    [Fact]
    public void JointOpinion_LateAfterItsOwnLimit_IsRedEvenWhenTheCaseIsOnTime()
    {
        var f = Joint().On(9, 23);

        Assert.Equal(DeadlineStatus.Red, f.Deadlines().Single(d => d.Code == "joint-opinion-D02").StatusAt(f.Calendar, f.Now));
        Assert.Equal(DeadlineStatus.Pending, f.Deadline(DeadlineKind.Decision).StatusAt(f.Calendar, f.Now));
    }

    [Fact]
    public void JointOpinionCode_RoundTrips()
    {
        Assert.Equal(DeadlineKind.JointOpinion, CaseDeadline.Parse("joint-opinion-D02"));
        Assert.Equal("D02", CaseDeadline.PartyOf("joint-opinion-D02"));
        Assert.Null(CaseDeadline.Parse("joint-opinion"));
        Assert.Equal(DeadlineKind.Decision, CaseDeadline.Parse("decision"));
        Assert.Null(CaseDeadline.PartyOf("decision"));
    }

    [Theory]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void Extend_JointItem_OnceByAtMostFifteen(int days, bool ok)
    {
        var f = Joint();

        Assert.Equal(ok, f.Case.Extend(days, "会办部门需补充论证", CaseFixture.Decider, f.Context).IsSuccess);
    }

    [Fact]
    public void JointHandling_StoredAsTheOldFalse_ReadsAsNotJoint_ObjectRoundTrips()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var terms = CaseFixture.Item(joint: true);

        var json = JsonSerializer.Serialize(terms, options);
        var back = JsonSerializer.Deserialize<ItemTerms>(json, options)!;
        var old = JsonSerializer.Deserialize<ItemTerms>(json.Replace(JsonSerializer.Serialize(terms.JointHandling, options), "false", StringComparison.Ordinal), options)!;

        Assert.Contains("\"jointHandling\":{\"lead\":\"D01\",\"departments\":[{\"code\":\"D02\"", json, StringComparison.Ordinal);
        Assert.Equal(terms.JointHandling!.Departments, back.JointHandling!.Departments);
        Assert.Null(old.JointHandling);
    }
}
