using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Rectifications;
using static PowerFunctions.Domain.Tests.Supervision.SupervisionActors;

namespace PowerFunctions.Domain.Tests.Supervision.Rectifications;

[Trait("Source", "seed 002, seed 004 (整改通知书, 责任追究)")]
public sealed class RectificationTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Open_AcrossNationalDay_DueAfterTheWorkingDays()
    {
        // issued Wed 9/30 with 5 wd: 国庆 10/1–10/7 off; 10/8, 10/9, 10/10 (make-up), 10/12, 10/13
        var notice = new RectificationFixture(workingDays: 5).Notice;

        Assert.Equal(RectificationState.Issued, notice.State);
        Assert.Equal(D(10, 13), notice.Due);
        Assert.Equal(D(9, 30), notice.Issue.IssuedOn);
        Assert.Equal(1, notice.Round);
        Assert.NotNull(notice.Notice);
    }

    [Fact]
    public void Open_NoticeFacts_NameTheDepartmentFindingRequirementAndDate()
    {
        var draft = Rectification.Open(RectificationFixture.Id, RectificationFixture.Request(), Supervisor, RectificationFixture.Official, At(9, 30)).Value;
        var notice = draft.Document!;

        Assert.Equal($"{RectificationFixture.Id}-notice", notice.DocumentId);
        Assert.Equal("rectification-notice", RectificationNotice.Type);
        Assert.Equal("市场监督管理局", notice.Addressee);
        Assert.Equal(D(10, 13), notice.Due);
        Assert.Contains(new KeyValuePair<string, string>("整改期限", "5 个工作日（2026年10月13日 前）"), notice.Fields);
        Assert.Contains(new KeyValuePair<string, string>("涉及办件", "D01-20260918-000001"), notice.Fields);
        Assert.Contains(notice.Paragraphs, p => p.Contains("未说明理由", StringComparison.Ordinal));
        Assert.Contains(notice.Paragraphs, p => p.Contains("2026年10月13日 前完成整改", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_ByDepartmentStaff_IsForbidden()
    {
        var result = Rectification.Open(RectificationFixture.Id, RectificationFixture.Request(), StaffD01, RectificationFixture.Official, At(9, 30));

        Assert.Equal("rectification.role_not_allowed", result.Error!.Code);
    }

    [Fact]
    public void Open_BadRequest_ListsEveryProblemAtOnce()
    {
        var request = new RectificationRequest { Department = "D/1", CaseNo = "C 1", AlertId = "not-an-alert", Finding = " ", WorkingDays = 61 };

        var error = Rectification.Open(RectificationFixture.Id, request, Supervisor, RectificationFixture.Official, At(9, 30)).Error!;

        Assert.Equal("rectification.validation_failed", error.Code);
        Assert.Equal(["alertId", "caseNo", "department", "finding", "requirement", "workingDays"], error.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Open_WorkingDays_Within1To60(int workingDays, bool ok)
    {
        var result = Rectification.Open(RectificationFixture.Id, RectificationFixture.Request(workingDays), Supervisor, RectificationFixture.Official, At(9, 30));

        Assert.Equal(ok, result.IsSuccess);
    }

    [Fact]
    public void Report_ByStaffOfTheDepartment_OnTime_IsNotLate()
    {
        var f = new RectificationFixture().On(10, 13).Report();

        Assert.Equal(RectificationState.Reported, f.Notice.State);
        Assert.False(f.Notice.Reports[0].Late);
    }

    [Fact]
    public void Report_AfterTheDueDate_IsTakenAndMarkedLate()
    {
        var f = new RectificationFixture().On(10, 14).Report();

        Assert.True(f.Notice.Reports[0].Late);
    }

    [Fact]
    public void Report_ByAnotherDepartment_IsForbidden()
    {
        var f = new RectificationFixture();

        Assert.Equal("rectification.not_department", f.Fail(n => n.Report("措施", StaffD02, f.Now)).Code);
        Assert.Equal("rectification.role_not_allowed", f.Fail(n => n.Report("措施", Supervisor, f.Now)).Code);
    }

    [Fact]
    public void Report_WithoutMeasures_IsRefused()
    {
        var f = new RectificationFixture();

        Assert.Equal("rectification.validation_failed", f.Fail(n => n.Report("  ", StaffD01, f.Now)).Code);
    }

    [Fact]
    public void Accept_Reported_IsFinal()
    {
        var f = new RectificationFixture().On(10, 12).Report().On(10, 13).Do(n => n.Accept("整改到位", Supervisor, At(10, 13)), Supervisor);

        Assert.Equal(RectificationState.Accepted, f.Notice.State);
        Assert.Equal(D(10, 13), f.Notice.AcceptedOn);
        Assert.Empty(Rectification.AllowedActionsIn(f.Notice.State));
        Assert.Equal("rectification.invalid_transition", f.Fail(n => n.Report("再报", StaffD01, f.Now)).Code);
    }

    [Fact]
    public void Accept_BeforeAReport_IsInvalidTransitionNamingWhatIsAllowed()
    {
        var f = new RectificationFixture();

        var error = f.Fail(n => n.Accept(null, Supervisor, f.Now));

        Assert.Equal("rectification.invalid_transition", error.Code);
        Assert.Equal(new[] { "report" }, error.Extensions!["allowed"]);
    }

    [Fact]
    public void Accept_ByDepartmentStaff_IsForbidden()
    {
        var f = new RectificationFixture().Report();

        Assert.Equal("rectification.role_not_allowed", f.Fail(n => n.Accept(null, StaffD01, f.Now)).Code);
    }

    [Fact]
    public void SendBack_StartsANewRoundWithTheNoticesPeriodFromToday()
    {
        var f = new RectificationFixture().On(10, 12).Report().On(10, 13).SendBack();

        Assert.Equal(RectificationState.SentBack, f.Notice.State);
        Assert.Equal(2, f.Notice.Round);
        Assert.Equal(D(10, 20), f.Notice.Due); // 5 wd after Tue 10/13
    }

    [Fact]
    public void SendBack_WithoutReasonOrWithBadDays_IsRefused()
    {
        var f = new RectificationFixture().Report();

        Assert.Equal("rectification.validation_failed", f.Fail(n => n.SendBack(null, null, Supervisor, RectificationFixture.Official, f.Now)).Code);
        Assert.Equal("rectification.validation_failed", f.Fail(n => n.SendBack("不到位", 0, Supervisor, RectificationFixture.Official, f.Now)).Code);
    }

    [Fact]
    public void RecordOverdue_BeforeTheDueDateEnds_IsRefused()
    {
        var f = new RectificationFixture().On(10, 13, 23);

        Assert.Equal("rectification.not_overdue", f.Fail(n => n.RecordOverdue(new DateTimeOffset(2026, 10, 13, 23, 59, 59, ChinaTime.Offset))).Code);
    }

    [Fact]
    public void RecordOverdue_FirstMiss_RedButNotFlagged_AndOnlyOnce()
    {
        var f = new RectificationFixture();
        f.Now = new DateTimeOffset(2026, 10, 14, 0, 0, 0, ChinaTime.Offset);
        f.Overdue();

        var overdue = Assert.Single(f.Notice.Overdues);
        Assert.Equal((1, 1, false), (overdue.Round, overdue.Occurrence, overdue.FlagsAccountability));
        Assert.False(f.Notice.AccountabilityFlagged);
        Assert.Equal("rectification.overdue_recorded", f.Fail(n => n.RecordOverdue(f.Now.AddHours(1))).Code);
    }

    [Fact]
    public void RecordOverdue_SecondMissOfTheSameNotice_IsFlaggedForAccountability()
    {
        var f = new RectificationFixture().On(10, 14).Overdue()   // round 1 missed
            .On(10, 15).Report()                                   // reported late
            .On(10, 16).SendBack()                                 // round 2 due 10/23
            .On(10, 24).Overdue();                                 // missed again

        Assert.Equal(2, f.Notice.OverdueCount);
        Assert.True(f.Notice.Overdues[1].FlagsAccountability);
        Assert.True(f.Notice.AccountabilityFlagged);
    }

    [Fact]
    public void RecordOverdue_OnceReported_IsRefused()
    {
        var f = new RectificationFixture().On(10, 13).Report().On(10, 20);

        Assert.Equal("rectification.not_overdue", f.Fail(n => n.RecordOverdue(f.Now)).Code);
    }

    [Fact]
    public void AlertKeyFor_IsPerRound_AndTheInstantsFollowTheDueDate()
    {
        var f = new RectificationFixture();

        Assert.Equal("rectification.ZG-D01-20260930-001.rectification.red", f.Notice.AlertKeyFor(AlertLevel.Red).Id);
        var (yellowAt, redAt) = f.Notice.AlertInstants(RectificationFixture.Official);
        Assert.Equal(ChinaTime.StartOf(D(10, 12)), yellowAt);
        Assert.Equal(ChinaTime.StartOf(D(10, 14)), redAt);

        f.On(10, 12).Report().SendBack();
        Assert.Equal("rectification.ZG-D01-20260930-001.rectification.2.yellow", f.Notice.AlertKeyFor(AlertLevel.Yellow).Id);
    }

    [Fact]
    public void Chain_Verifies_AndAChangedEventBreaksIt()
    {
        var f = new RectificationFixture().Report().SendBack();

        Assert.True(RectificationChain.Verify(f.Notice.Events).Valid);
        var tampered = f.Notice.Events.Select((e, i) => i == 1 ? e with { Data = e.Data.Replace("批评教育", "表扬", StringComparison.Ordinal) } : e).ToList();
        var verification = RectificationChain.Verify(tampered);
        Assert.False(verification.Valid);
        Assert.Equal(2, verification.BrokenAtSeq);
    }

    [Fact]
    public void FromEvents_RefoldsTheSameNotice()
    {
        var f = new RectificationFixture().Report().SendBack();

        var again = Rectification.FromEvents(f.Notice.Id, f.Notice.Events);

        Assert.Equal((f.Notice.State, f.Notice.Round, f.Notice.Due, f.Notice.LastHash), (again.State, again.Round, again.Due, again.LastHash));
    }

    [Fact]
    public void IdFor_IsDepartmentDateAndSequence()
    {
        Assert.Equal("ZG-D01-20260930-007", RectificationRules.IdFor("D01", D(9, 30), 7));
    }
}
