using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Enforcement;
using static PowerFunctions.Domain.Tests.Enforcement.PenaltyFixture;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class PenaltyDecisionTests
{
    [Fact]
    [Trait("Source", "行政处罚法 第四十四条, 第六十二条")]
    public void Decide_APenaltyWithoutNotice_Refused()
    {
        var f = new PenaltyFixture().Investigated();

        var result = f.Case.Decide(Penalise(30000), f.Context);

        Assert.Equal(EnforcementErrors.NoticeRequired, result.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
    }

    [Theory]
    [Trait("Source", "行政处罚法 第四十五条, 第六十二条, 第六十四条")]
    [InlineData(9, 8, false)]   // notified 9/1: replies until 9/8 (5 working days)
    [InlineData(9, 9, true)]
    public void Decide_WhileThePartyMayStillReply_Refused(int month, int day, bool ok)
    {
        var f = new PenaltyFixture().Investigated().Notified(30000).On(month, day);

        var result = f.Case.Decide(Penalise(30000), f.Context);

        Assert.Equal(ok, result.IsSuccess);
        if (!ok)
        {
            Assert.Equal(EnforcementErrors.ReplyPeriodRunning, result.Error!.Code);
        }
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十五条, 第六十四条")]
    public void Decide_AfterAStatementAndTheHearingWaived_NeedNotWait()
    {
        var f = new PenaltyFixture().Investigated().Notified(50000).Stated();

        Assert.Equal(EnforcementErrors.ReplyPeriodRunning, f.Case.Decide(Penalise(50000), f.Context).Error!.Code); // the hearing is still open to the party
        f.Stated("放弃听证", waivesHearing: true).Met(Penalise(50000));
        Assert.True(f.Case.Decide(Penalise(50000), f.Context).IsSuccess);
    }

    [Theory]
    [Trait("Source", "行政处罚法 第四十四条, 第四十五条")]
    [InlineData(30000.01, false)]
    [InlineData(30000, true)]
    [InlineData(20000, true)]
    public void Decide_HeavierThanTheNotice_Refused(double amount, bool ok)
    {
        var f = new PenaltyFixture().Investigated().Notified(30000).Stated().On(9, 9);

        var result = f.Case.Decide(Penalise((decimal)amount), f.Context);

        Assert.Equal(ok, result.IsSuccess);
        if (!ok)
        {
            Assert.Equal(EnforcementErrors.HeavierThanNotice, result.Error!.Code);
            Assert.Contains("第四十五条", result.Error.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十四条; 国办发〔2022〕27号")]
    public void Decide_AnotherKindThanNotified_Refused()
    {
        var f = new PenaltyFixture().ReadyToDecide();

        var result = f.Case.Decide(new PenaltyDecisionInput(PenaltyOutcome.Penalty, new Penalty(PenaltyType.ConfiscateGains, 1000), Circumstance.Ordinary, null, "理由"), f.Context);

        // another kind than the tier's is outside the tier before it is another kind than the notice's
        Assert.Equal(EnforcementErrors.OutsideDiscretion, result.Error!.Code);
    }

    [Theory]
    [Trait("Source", "国办发〔2022〕27号; 行政处罚法 第四十四条")]
    [InlineData(60000)]   // above the ordinary tier, and heavier than the notice
    [InlineData(150000)]  // beyond the law as well
    public void Decide_OutsideTheTier_AnswersOutsideDiscretionBeforeAnyOtherRefusal(double amount)
    {
        var notNotified = new PenaltyFixture().Investigated();
        var notified = new PenaltyFixture().ReadyToDecide(30000);

        Assert.Equal(EnforcementErrors.OutsideDiscretion, notNotified.Case.Decide(Penalise((decimal)amount), notNotified.Context).Error!.Code);
        Assert.Equal(EnforcementErrors.OutsideDiscretion, notified.Case.Decide(Penalise((decimal)amount), notified.Context).Error!.Code);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十七条第二款; 国办发〔2022〕27号")]
    public void CollectiveDecision_AdoptingNothing_SatisfiesTheRequirementBindsNoAmountAuthorisesNoDeparture()
    {
        var f = new PenaltyFixture(Terms0(collective: true)).ReadyToDecide(30000);
        Assert.Equal(EnforcementErrors.CollectiveDecisionRequired, f.Case.Decide(Penalise(30000), f.Context).Error!.Code);

        f.Do(f.Case.RecordCollectiveDecision(["钱局长", "周副局长"], [new MeetingVote("钱局长", Vote.Agree, null), new MeetingVote("周副局长", Vote.Agree, null)], [], null, "理由写了也不能突破档次", f.Context), Decider);

        var meeting = f.Case.CollectiveDecision!;
        Assert.Null(meeting.Outcome);
        Assert.Null(meeting.DepartureReason);
        Assert.Equal(EnforcementErrors.OutsideDiscretion, f.Case.Decide(Penalise(8000), f.Context).Error!.Code);
        Assert.True(f.Case.Decide(Penalise(25000), f.Context).IsSuccess);
        Assert.True(f.Case.Decide(Penalise(30000), f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十八条")]
    public void LegalReview_PassedNotSaid_Passed()
    {
        var f = new PenaltyFixture().ReadyToDecide();

        var review = Assert.IsType<PenaltyEventData.LegallyReviewed>(f.Case.RecordLegalReview("事实清楚，适用依据正确", null, Reviewer.Subject, f.Context).Value.Data);

        Assert.True(review.Passed);
    }

    [Fact]
    [Trait("Source", "国办发〔2022〕27号")]
    public void Decide_OutsideTheTier_Refused422UnlessACollectiveDecisionRecordedWhy()
    {
        var f = new PenaltyFixture().ReadyToDecide();
        var belowTier = Penalise(8000); // ordinary is 10,000–50,000

        var refused = f.Case.Decide(belowTier, f.Context);
        Assert.Equal(EnforcementErrors.OutsideDiscretion, refused.Error!.Code);
        Assert.Equal(ErrorKind.Validation, refused.Error.Kind);
        Assert.NotEmpty(refused.Error.Errors!);

        Assert.Equal(EnforcementErrors.DepartureReasonRequired, f.Case.RecordCollectiveDecision(["钱局长", "周副局长"], [new MeetingVote("钱局长", Vote.Agree, null), new MeetingVote("周副局长", Vote.Agree, null)], [], belowTier, null, f.Context).Error!.Code);

        f.Met(belowTier, departureReason: "当事人主动消除危害后果并全员补训，依基准顶格以下仍显失公平");
        var decided = f.Case.Decide(belowTier, f.Context).Value;

        var data = Assert.IsType<PenaltyEventData.Decided>(decided.Data);
        Assert.Equal(DiscretionFit.OutsideTier, data.Fit);
        Assert.Contains(decided.Document!.Paragraphs, p => p.Contains("调整适用裁量基准", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "国办发〔2022〕27号")]
    public void Decide_BeyondTheLaw_RefusedEvenWithACollectiveDecision()
    {
        var f = new PenaltyFixture().ReadyToDecide(30000);

        var result = f.Case.RecordCollectiveDecision(["钱局长", "周副局长"], [new MeetingVote("钱局长", Vote.Agree, null)], [], Penalise(150000), "情节特别严重", f.Context);

        Assert.Equal(EnforcementErrors.OutsideLegalRange, result.Error!.Code);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十七条第二款")]
    public void Decide_SeriousWithoutACollectiveDecision_Refused()
    {
        var f = new PenaltyFixture().Investigated().Notified(55000, Circumstance.Serious);
        f.Do(f.Case.RecordStatement(null, true, true, OfficerA, f.Context));

        Assert.Equal(EnforcementErrors.CollectiveDecisionRequired, f.Case.Decide(Penalise(55000, Circumstance.Serious), f.Context).Error!.Code);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十七条第二款")]
    public void Decide_OtherThanTheCollectiveDecision_Refused()
    {
        var f = new PenaltyFixture().ReadyToDecide().Met(Penalise(25000));

        Assert.Equal(EnforcementErrors.DiffersFromCollectiveDecision, f.Case.Decide(Penalise(30000), f.Context).Error!.Code);
        Assert.True(f.Case.Decide(Penalise(25000), f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十七条第二款; seed 000 §5(三)1")]
    public void CollectiveDecision_AVoteAgainstWithoutItsDissent_Refused()
    {
        var f = new PenaltyFixture().ReadyToDecide();
        IReadOnlyList<MeetingVote> votes = [new MeetingVote("钱局长", Vote.Agree, null), new MeetingVote("周副局长", Vote.Disagree, null)];

        var missing = f.Case.RecordCollectiveDecision(["钱局长", "周副局长"], votes, [], Penalise(30000), null, f.Context);
        var recorded = f.Case.RecordCollectiveDecision(["钱局长", "周副局长"], votes, [new Dissent("周副局长", "应认定为轻微情节")], Penalise(30000), null, f.Context);

        Assert.Contains("dissent", missing.Error!.Errors!.Keys);
        Assert.Contains(recorded.Value.Document!.Paragraphs, p => p == "不同意见：周副局长：应认定为轻微情节");
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十七条第二款")]
    public void CollectiveDecision_OneAttendeeOrAStrangersVote_Refused()
    {
        var f = new PenaltyFixture().ReadyToDecide();

        var result = f.Case.RecordCollectiveDecision(["钱局长"], [new MeetingVote("路人", Vote.Agree, null)], [], Penalise(30000), null, f.Context);

        Assert.Equal(["attendees", "votes"], result.Error!.Errors!.Keys.Order());
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十八条; 国办发〔2018〕118号")]
    public void Decide_MajorItem_NeedsAPassedLegalReview()
    {
        var f = new PenaltyFixture(Terms0(benchmark: Benchmark(major: true))).ReadyToDecide();

        Assert.Equal(EnforcementErrors.LegalReviewRequired, f.Case.Decide(Penalise(30000), f.Context).Error!.Code);
        f.Reviewed();
        Assert.Equal(EnforcementErrors.CollectiveDecisionRequired, f.Case.Decide(Penalise(30000), f.Context).Error!.Code); // a major case is decided collectively too
        f.Met(Penalise(30000));
        Assert.True(f.Case.Decide(Penalise(30000), f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十八条; 国办发〔2018〕118号")]
    public void Decide_MajorAmount_NeedsALegalReview()
    {
        var f = new PenaltyFixture().Investigated().Notified(60000, Circumstance.Serious); // the item's major amount is 60,000
        f.Do(f.Case.RecordStatement(null, true, true, OfficerA, f.Context)).Met(Penalise(60000, Circumstance.Serious));

        Assert.Equal(EnforcementErrors.LegalReviewRequired, f.Case.Decide(Penalise(60000, Circumstance.Serious), f.Context).Error!.Code);
        f.Reviewed();
        Assert.True(f.Case.Decide(Penalise(60000, Circumstance.Serious), f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十八条")]
    public void LegalReview_ByAnInvestigator_Forbidden()
    {
        var f = new PenaltyFixture().ReadyToDecide();

        var result = f.Case.RecordLegalReview("同意", true, OfficerB.Subject, f.Context);

        Assert.Equal(EnforcementErrors.ReviewerIsInvestigator, result.Error!.Code);
        Assert.Equal(ErrorKind.Forbidden, result.Error.Kind);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第三十三条第一款; 国办发〔2022〕27号")]
    public void Decide_FirstOffenceNoPenalty_OnlyWhereTheItemAllowsIt()
    {
        var allowed = new PenaltyFixture().Investigated();
        var notAllowed = new PenaltyFixture(Terms0(benchmark: Benchmark(firstOffence: false))).Investigated();
        var input = new PenaltyDecisionInput(PenaltyOutcome.NoPenalty, null, null, NoPenaltyGround.FirstOffence, "初次违法，已当场改正，未造成危害后果");

        Assert.Equal(EnforcementErrors.FirstOffenceNotAllowed, notAllowed.Case.Decide(input, notAllowed.Context).Error!.Code);
        var draft = allowed.Case.Decide(input, allowed.Context).Value;
        Assert.Equal(PenaltyDocumentKind.NoPenaltyDecision, draft.Document!.Kind);
        Assert.Equal(DiscretionFit.NotApplicable, ((PenaltyEventData.Decided)draft.Data).Fit);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十九条; 第六十七条; 第七十二条; 国办发〔2022〕27号")]
    public void Decide_DecisionDocumentCarriesWhatTheLawLists()
    {
        var f = new PenaltyFixture().ReadyToDecide().On(9, 24);

        var doc = f.Case.Decide(Penalise(30000), f.Context).Value.Document!;

        Assert.Equal(PenaltyDocumentKind.PenaltyDecision, doc.Kind);
        Assert.Equal("D04-CF-20260901-0001-decision", doc.DocumentId);
        var fields = doc.Fields.ToDictionary(x => x.Key, x => x.Value);
        Assert.Equal("郑州某某机械有限公司", fields["当事人"]);
        Assert.Equal("郑州市金水区某路1号", fields["地址"]);
        Assert.Equal("2026年9月24日", fields["决定日期"]);
        var text = string.Join("\n", doc.Paragraphs);
        Assert.Contains("罚款人民币30,000.00元", text, StringComparison.Ordinal);
        Assert.Contains("适用", text, StringComparison.Ordinal);                 // the tier applied (27号)
        Assert.Contains("十五日内", text, StringComparison.Ordinal);              // how and when to pay
        Assert.Contains("百分之三", text, StringComparison.Ordinal);              // late surcharge
        Assert.Contains("六十日内依法申请行政复议", text, StringComparison.Ordinal); // remedies
        Assert.Contains("市应急管理局", text, StringComparison.Ordinal);          // the department
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十七条")]
    public void Decide_WithoutReasons_Refused()
    {
        var f = new PenaltyFixture().ReadyToDecide();

        Assert.Contains("reasons", f.Case.Decide(Penalise(30000, reasons: " "), f.Context).Error!.Errors!.Keys);
    }
}
