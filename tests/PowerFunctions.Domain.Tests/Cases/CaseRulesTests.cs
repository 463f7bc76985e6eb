using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Documents;

namespace PowerFunctions.Domain.Tests.Cases;

public sealed class CaseRulesTests
{
    private static readonly CaseActor Stranger = new("other", "路人", "citizen");

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public void CorrectionNotice_SecondForSameReceipt_IsRefused()
    {
        var f = new CaseFixture();
        f.Do(c => c.RequestCorrection([new MissingMaterial("M1", "缺页"), new MissingMaterial("M2", "过期")], f.Context), CaseFixture.Acceptor);

        var again = f.Case.RequestCorrection([new MissingMaterial("M3", "再要")], f.Context);

        Assert.Equal("case.invalid_transition", again.Error!.Code);
        Assert.Equal(2, f.Case.LastCorrectionMissing.Count);
        Assert.Contains(f.Case.Documents, d => d.Id == "D01-20260918-000001-correction-notice-1");
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public void CorrectionNotice_AfterFiveWorkingDays_IsTooLate()
    {
        var f = new CaseFixture().On(9, 28);

        var result = f.Case.RequestCorrection([new MissingMaterial("M1", "缺")], f.Context);

        Assert.Equal("case.correction_period_expired", result.Error!.Code);
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public void Supplement_AfterNotice_RestartsTheFiveDayClockFromTheNewReceipt()
    {
        var f = new CaseFixture();
        f.Do(c => c.RequestCorrection([new MissingMaterial("M2", "过期")], f.Context), CaseFixture.Acceptor);
        Assert.Equal(CaseDeadlines.Compute(f.Case, f.Calendar, D(9, 18)).Single().ResolvedOn, D(9, 18));

        f.On(9, 29).Do(c => c.Supplement([new MaterialRef("M2", "营业执照")], CaseFixture.Citizen, f.Context), CaseFixture.Citizen);

        Assert.Equal(CaseState.Submitted, f.Case.State);
        Assert.Equal(D(9, 29), f.Case.ReceiptOn);
        var notice = f.Deadline(DeadlineKind.CorrectionNotice);
        Assert.Equal(D(10, 12), notice.Due); // 9/30, 10/8, 10/9, 10/10 (make-up), 10/12
        Assert.True(notice.IsOpen);
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public void Supplement_ByAnotherCitizenOrIncomplete_IsRefused()
    {
        var f = new CaseFixture();
        f.Do(c => c.RequestCorrection([new MissingMaterial("M2", "过期"), new MissingMaterial("M1", "缺页")], f.Context), CaseFixture.Acceptor);

        Assert.Equal("case.not_applicant", f.Case.Supplement([new MaterialRef("M2", "x"), new MaterialRef("M1", "y")], Stranger, f.Context).Error!.Code);
        var partial = f.Case.Supplement([new MaterialRef("M2", "x")], CaseFixture.Citizen, f.Context);
        Assert.Equal("case.validation_failed", partial.Error!.Code);
        Assert.Contains("M1", partial.Error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Source", "行政许可法 第三十二条")]
    [InlineData(9, 24, false)] // the 5th working day (9/20 make-up, 21, 22, 23, 24)
    [InlineData(9, 25, true)] // 中秋 begins: the period has ended
    public void DeemAccepted_OnlyAfterTheFifthWorkingDay_AcceptsAsOfReceipt(int month, int day, bool deemed)
    {
        var f = new CaseFixture().On(month, day);

        var result = f.Case.DeemAccepted(f.Context);

        Assert.Equal(deemed, result.IsSuccess);
        if (deemed)
        {
            f.Do(c => c.DeemAccepted(f.Context), CaseActor.System);
            Assert.Equal(CaseState.Accepted, f.Case.State);
            Assert.True(f.Case.DeemedAccepted);
            Assert.Equal(D(9, 18), f.Case.AcceptedOn);
            Assert.Equal(D(9, 18), f.Deadline(DeadlineKind.Decision).StartedOn);
            Assert.Equal(DeadlineStatus.Red, f.Deadline(DeadlineKind.CorrectionNotice).StatusAt(f.Calendar, f.Now));
            Assert.Contains(f.Case.Documents, d => d.Id.EndsWith("-acceptance-notice", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal("case.correction_period_running", result.Error!.Code);
        }
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)6")]
    public void Review_SamePersonAsAAndB_IsForbidden()
    {
        var f = new CaseFixture().Accept().Do(c => c.RecordReview("A", "好", DecisionOutcome.Approve, CaseFixture.ReviewerA), CaseFixture.ReviewerA);

        var result = f.Case.RecordReview("B", "也好", DecisionOutcome.Approve, CaseFixture.ReviewerA);

        Assert.Equal("case.reviewers_must_differ", result.Error!.Code);
        Assert.Equal(ErrorKind.Forbidden, result.Error.Kind);
    }

    [Theory]
    [Trait("Source", "seed 000 §5(二)6")]
    [InlineData(true, "case.acceptor_cannot_review")]
    [InlineData(false, null)]
    public void Review_ByTheAcceptor_DependsOnSeparation(bool separate, string? expected)
    {
        var f = new CaseFixture(CaseFixture.Item(separate: separate)).Accept();

        var result = f.Case.RecordReview("A", "好", DecisionOutcome.Approve, CaseFixture.Acceptor with { Role = "reviewer" });

        Assert.Equal(expected, result.Error?.Code);
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)6")]
    public void Review_FormalItem_OneReviewerSuffices()
    {
        var f = new CaseFixture(CaseFixture.Item(substantive: false)).Accept();
        Assert.Equal("case.validation_failed", f.Case.RecordReview("B", "好", DecisionOutcome.Approve, CaseFixture.ReviewerB).Error!.Code);

        f.Do(c => c.RecordReview("A", "好", DecisionOutcome.Approve, CaseFixture.ReviewerA), CaseFixture.ReviewerA);

        Assert.True(f.Case.Decide(DecisionOutcome.Approve, null, f.Context).IsSuccess);
        Assert.Equal("case.review_role_taken", f.Case.RecordReview("A", "再审", DecisionOutcome.Approve, CaseFixture.ReviewerB).Error!.Code);
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)6")]
    public void Decide_SubstantiveWithOnlyA_IsRefused()
    {
        var f = new CaseFixture().Accept().Do(c => c.RecordReview("A", "好", DecisionOutcome.Approve, CaseFixture.ReviewerA), CaseFixture.ReviewerA);

        Assert.Equal("case.review_incomplete", f.Case.Decide(DecisionOutcome.Approve, null, f.Context).Error!.Code);
    }

    [Theory]
    [Trait("Source", "seed 000 §5(二)6")]
    [InlineData(new[] { "甲" }, "甲", false)]
    [InlineData(new[] { "甲", "甲" }, "甲", false)]
    [InlineData(new[] { "甲", "乙" }, "丙", false)]
    [InlineData(new[] { "甲", "乙" }, "乙", true)]
    public void SiteInspection_NeedsTwoNamedStaffAndASignature(string[] inspectors, string signedBy, bool ok)
    {
        var f = new CaseFixture().Accept();

        var result = f.Case.RecordSiteInspection(inspectors, "现场与申请一致", signedBy);

        Assert.Equal(ok, result.IsSuccess);
    }

    [Theory]
    [Trait("Source", "seed 000 §5(三)2")]
    [InlineData(1, 3, true)]
    [InlineData(1, 4, false)]
    [InlineData(2, 6, true)]
    [InlineData(0, 2, false)]
    public void ExpertDraw_PoolAtLeastOneThirdExternal(int external, int total, bool ok)
    {
        var pool = Enumerable.Range(0, total).Select(i => new ExpertCandidate($"e{i}", $"专家{i}", i < external)).ToArray();

        Assert.Equal(ok, ExpertDraw.Validate(pool, 1).IsSuccess);
    }

    [Fact]
    [Trait("Source", "seed 000 §5(三)2")]
    public void ExpertDraw_SameSeed_DrawsTheSameExperts()
    {
        var pool = Enumerable.Range(0, 12).Select(i => new ExpertCandidate($"e{i}", $"专家{i}", i % 2 == 0)).ToArray();

        var first = ExpertDraw.Draw(pool, 3, 20260918);
        var again = ExpertDraw.Draw(pool, 3, 20260918);
        var seeds = Enumerable.Range(0, 20).Select(s => string.Join(',', ExpertDraw.Draw(pool, 3, s).Select(e => e.Id))).Distinct().Count();

        Assert.Equal(first, again);
        Assert.Equal(3, first.Select(e => e.Id).Distinct().Count());
        Assert.True(seeds > 10, "different seeds should draw differently");
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void ExpertDraw_SuspendsTheClock_AndResumeMovesTheDecisionDue()
    {
        var f = new CaseFixture(CaseFixture.Item(expert: true)).Accept().ReviewBoth();
        var before = f.Deadline(DeadlineKind.Decision).Due;
        Assert.Equal("case.expert_review_required", f.Case.Decide(DecisionOutcome.Approve, null, f.Context).Error!.Code);

        f.On(9, 21).Do(c => c.DrawExperts(CaseFixture.Register(), 2, 7, new DateOnly(2026, 9, 30), f.Context), CaseFixture.ReviewerA);
        Assert.Equal(CaseState.Suspended, f.Case.State);
        Assert.Equal(SuspensionReason.ExpertReview, f.Case.Suspensions.Single().Reason);
        f.On(9, 23).Do(c => c.Resume(f.Context), CaseFixture.ReviewerA);

        Assert.Equal(CaseState.UnderReview, f.Case.State);
        Assert.True(f.Case.ExpertReviewDone);
        Assert.Equal(f.Calendar.AddWorkingDays(before, 2).Date, f.Deadline(DeadlineKind.Decision).Due); // 9/21 and 9/22 not counted
        Assert.True(f.Case.Decide(DecisionOutcome.Approve, null, f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void Suspend_ReasonOutsideTheLaw_IsNotAReason()
    {
        var f = new CaseFixture().Accept();

        Assert.Null(ApiCode<SuspensionReason>.Parse("vacation"));
        Assert.Equal(SuspensionReason.Hearing, ApiCode<SuspensionReason>.Parse("hearing"));
        Assert.True(f.Case.Suspend(SuspensionReason.Hearing, "听证", new DateOnly(2026, 9, 30), f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)6, (三)1")]
    public void CollectiveDecision_RequiredBeforeDecision_DissentRecorded()
    {
        var f = new CaseFixture(CaseFixture.Item(collective: true)).Accept().ReviewBoth();
        Assert.Equal("case.collective_decision_required", f.Case.Decide(DecisionOutcome.Approve, null, f.Context).Error!.Code);

        f.Do(c => c.RecordCollectiveDecision(["甲", "乙", "丙"], [new("甲", Vote.Approve, "同意"), new("乙", Vote.Approve, null), new("丙", Vote.Deny, "风险大")], [new("丙", "存在安全风险")]), CaseFixture.Decider);

        Assert.Equal("存在安全风险", f.Case.CollectiveDecisionRecord!.Dissent.Single().Opinion);
        Assert.True(f.Case.Decide(DecisionOutcome.Approve, null, f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)6, (三)1")]
    public void CollectiveDecision_VoteByNonAttendee_IsRefused()
    {
        var f = new CaseFixture().Accept();

        var result = f.Case.RecordCollectiveDecision(["甲", "乙"], [new("丁", Vote.Approve, null)], []);

        Assert.Equal("case.validation_failed", result.Error!.Code);
    }

    [Theory]
    [Trait("Source", "行政许可法 第四十二条")]
    [InlineData(false, 10, true)]
    [InlineData(false, 11, false)]
    [InlineData(true, 15, true)]
    [InlineData(true, 16, false)]
    [InlineData(false, 0, false)]
    public void Extend_UpToTenOrFifteenForJointHandling(bool joint, int days, bool ok)
    {
        var f = new CaseFixture(CaseFixture.Item(joint: joint)).Accept();

        Assert.Equal(ok, f.Case.Extend(days, "情况复杂", CaseFixture.Decider, f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十二条")]
    public void Extend_Twice_IsRefused_AndMovesTheDueOnce()
    {
        var f = new CaseFixture().Accept();
        var before = f.Deadline(DeadlineKind.Decision).Due;

        f.Do(c => c.Extend(3, "需要补充调查", CaseFixture.Decider, f.Context), CaseFixture.Decider);

        Assert.Equal(f.Calendar.AddWorkingDays(before, 3).Date, f.Deadline(DeadlineKind.Decision).Due);
        Assert.Equal("deadline.already_extended", f.Case.Extend(2, "再延", CaseFixture.Decider, f.Context).Error!.Code);
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十八条")]
    public void Decide_DenialWithoutReasons_IsRefused_WithReasonsStatesRemedies()
    {
        var f = new CaseFixture().Accept().ReviewBoth();
        Assert.Equal("case.validation_failed", f.Case.Decide(DecisionOutcome.Deny, " ", f.Context).Error!.Code);

        var draft = f.Case.Decide(DecisionOutcome.Deny, "场地不符合要求", f.Context).Value;

        var data = Assert.IsType<CaseEventData.Decided>(draft.Data);
        Assert.Contains(data.Remedies, r => r.Contains("行政复议", StringComparison.Ordinal));
        Assert.Contains(data.Remedies, r => r.Contains("行政诉讼", StringComparison.Ordinal));
        Assert.Equal(DocumentKind.DenialDecision, draft.Document!.Kind);
        Assert.Contains(draft.Document.Paragraphs, p => p.Contains("场地不符合要求", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)7")]
    public void Decide_ApprovalOfPublicisedItem_PostedSevenDaysRolledToAWorkingDay()
    {
        var f = new CaseFixture().Accept().ReviewBoth().On(9, 28).Decide();

        Assert.Equal(CaseState.InPublicity, f.Case.State);
        Assert.Equal(D(9, 28), f.Case.Decision!.PublicFrom);
        Assert.Equal(D(10, 8), f.Case.Decision.PublicUntil); // 10/5 is 国庆: rolled to 10/8
        Assert.Equal(D(10, 8), f.Deadline(DeadlineKind.PublicityEnd).Due);
        Assert.Equal("case.publicity_running", f.On(10, 8).Case.EndPublicity(f.Context).Error!.Code);
    }

    [Theory]
    [Trait("Source", "seed 000 §5(二)7")]
    [InlineData(false, DecisionOutcome.Approve)]
    [InlineData(true, DecisionOutcome.Deny)]
    public void Decide_ConfidentialOrDenial_SkipsPublicity(bool publicised, DecisionOutcome outcome)
    {
        var f = new CaseFixture(CaseFixture.Item(publicised: publicised)).Accept().ReviewBoth().On(9, 28).Decide(outcome, "理由");

        Assert.Equal(CaseState.Decided, f.Case.State);
        Assert.DoesNotContain(CaseDeadlines.Compute(f.Case, f.Calendar, D(9, 28)), d => d.Kind == DeadlineKind.PublicityEnd);
        Assert.Equal(D(9, 28), f.Deadline(DeadlineKind.Delivery).StartedOn);
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十四条; seed 000 §5(二)8")]
    public void Delivery_TenWorkingDaysFromTheEndOfPublicity()
    {
        var f = new CaseFixture().Accept().ReviewBoth().On(9, 28).Decide();

        var delivery = f.Deadline(DeadlineKind.Delivery);

        Assert.Equal(D(10, 8), delivery.StartedOn);
        Assert.Equal(D(10, 21), delivery.Due); // 10/9, 10/10 (make-up), 12, 13, 14, 15, 16, 19, 20, 21
    }

    [Fact]
    [Trait("Source", "seed 002 (监督检查办法 第十三条)")]
    public void ResultPublication_TenWorkingDaysFromDelivery_MetWhenPublished()
    {
        var f = new CaseFixture().Accept().ReviewBoth().Decide(DecisionOutcome.Deny, "不符合").On(9, 22).Deliver();
        Assert.Equal(D(10, 13), f.Deadline(DeadlineKind.ResultPublication).Due); // 23, 24, 28, 29, 30, 10/8, 9, 10 (make-up), 12, 13

        f.Publish();

        Assert.Equal(CaseState.Closed, f.Case.State);
        Assert.Equal(DeadlineStatus.Met, f.Deadline(DeadlineKind.ResultPublication).StatusAt(f.Calendar, f.Now));
    }

    [Fact]
    public void Withdraw_AfterDecisionOrByAnother_IsRefused()
    {
        var f = new CaseFixture().Accept();
        Assert.Equal("case.not_applicant", f.Case.Withdraw("x", Stranger).Error!.Code);

        f.ReviewBoth().Decide(DecisionOutcome.Deny, "不符合");

        Assert.Equal("case.invalid_transition", f.Case.Withdraw("x", CaseFixture.Citizen).Error!.Code);
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)7")]
    public void Objection_DuringPublicity_IsRecorded()
    {
        var f = new CaseFixture().Accept().ReviewBoth().Decide();

        f.Do(c => c.FileObjection("李四", "13900000000", "噪音扰民"), CaseActor.Public("李四"));

        Assert.Equal("噪音扰民", f.Case.Objections.Single().Content);
        Assert.Equal(CaseState.InPublicity, f.Case.State);
    }

    [Theory]
    [Trait("Source", "municipal 电子监察 rules (public)")]
    [InlineData(9, 22, DeadlineStatus.Pending)]
    [InlineData(9, 23, DeadlineStatus.Yellow)] // one working day before 9/24
    [InlineData(9, 24, DeadlineStatus.Yellow)]
    [InlineData(9, 25, DeadlineStatus.Red)]
    public void CorrectionNoticeStatus_ByDay_PendingYellowRed(int month, int day, DeadlineStatus expected)
    {
        var f = new CaseFixture().On(month, day);

        Assert.Equal(expected, f.Deadline(DeadlineKind.CorrectionNotice).StatusAt(f.Calendar, f.Now));
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十二条")]
    public void DecisionDeadline_PromisedWorkingDaysAcrossTheHolidays()
    {
        var f = new CaseFixture().Accept();

        // 9/20 (make-up), 21, 22, 23, 24, 28, 29, 30, 10/8, 10/9
        Assert.Equal(D(10, 9), f.Deadline(DeadlineKind.Decision).Due);
    }

    [Fact]
    [Trait("Source", "municipal 电子监察 rules (public)")]
    [Trait("Source", "行政许可法 第四十五条")]
    public void DecisionDeadline_WhileSuspended_IsStoppedAndNeverYellow()
    {
        var f = new CaseFixture(CaseFixture.Item(promised: 2)).Accept().On(9, 21);
        f.Do(c => c.Suspend(SuspensionReason.Testing, null, new DateOnly(2026, 9, 30), f.Context), CaseFixture.ReviewerA);

        var decision = f.Deadline(DeadlineKind.Decision);

        Assert.True(decision.Stopped);
        Assert.True(decision.Provisional);
        Assert.Equal(DeadlineStatus.Pending, decision.StatusAt(f.Calendar, f.Now));
    }
}
