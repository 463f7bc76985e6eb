using PowerFunctions.Domain.Enforcement;
using static PowerFunctions.Domain.Tests.Enforcement.PenaltyFixture;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class PenaltyHearingTests
{
    /// <summary>Notified on Thursday 24 September 2026 of 50,000 (a large amount for an organisation): the hearing window ends 9 October.</summary>
    private static PenaltyFixture NotifiedOfALargeFine() => new PenaltyFixture().Investigated().On(9, 24).Notified(50000);

    [Theory]
    [Trait("Source", "行政处罚法 第六十四条(一); 第八十五条")]
    [InlineData(9, 28, true)]
    [InlineData(10, 9, true)]    // the 5th working day (中秋, 国庆 skipped)
    [InlineData(10, 10, false)]  // the make-up Saturday is the 6th working day
    [InlineData(10, 12, false)]
    public void RequestHearing_WithinFiveWorkingDaysOfTheNotice(int month, int day, bool ok)
    {
        var f = NotifiedOfALargeFine().On(month, day);

        var result = f.Case.RequestHearing(OfficerA, f.Context);

        Assert.Equal(ok, result.IsSuccess);
        if (!ok)
        {
            Assert.Equal(EnforcementErrors.HearingRequestLate, result.Error!.Code);
        }
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十三条")]
    public void RequestHearing_OnAPenaltyWithoutTheRight_GrantedAndMarkedNotEntitled()
    {
        var f = new PenaltyFixture().Investigated().Notified(30000);
        var entitled = NotifiedOfALargeFine().On(9, 28);

        var granted = Assert.IsType<PenaltyEventData.HearingRequested>(f.Case.RequestHearing(OfficerA, f.Context).Value.Data);
        var asOfRight = Assert.IsType<PenaltyEventData.HearingRequested>(entitled.Case.RequestHearing(OfficerA, entitled.Context).Value.Data);

        Assert.False(granted.Entitled);
        Assert.True(asOfRight.Entitled);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十四条(二)(四)")]
    public void ScheduleHearing_PresidingNotYetNamed_NoticeSaysItWillBe()
    {
        var f = Requested();

        var result = f.Case.ScheduleHearing(new DateOnly(2026, 10, 20), "局三楼听证室", null, null, true, null, OfficerA, f.Context);

        Assert.Contains(result.Value.Document!.Fields, x => x.Key == "听证主持人" && x.Value.Contains("另行指定", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十四条(四)")]
    public void HoldHearing_PresidingNamedThen_NotAnInvestigatorAndRecorded()
    {
        var f = Requested();
        f.Do(f.Case.ScheduleHearing(new DateOnly(2026, 10, 20), "局三楼听证室", null, null, true, null, OfficerA, f.Context)).On(10, 20);

        var byInvestigator = f.Case.HoldHearing("笔录", true, true, null, OfficerA, f.Context, OfficerB.Subject, null);
        var byOther = f.Case.HoldHearing("笔录", true, true, null, OfficerA, f.Context, "h-1", "周主持");

        Assert.Equal(EnforcementErrors.PresidingIsInvestigator, byInvestigator.Error!.Code);
        Assert.Equal("周主持", Assert.IsType<PenaltyEventData.HearingHeld>(byOther.Value.Data).PresidingName);
        Assert.Contains(byOther.Value.Document!.Fields, x => x.Key == "听证主持人" && x.Value == "周主持");
    }

    [Theory]
    [Trait("Source", "行政处罚法 第六十四条(二); 第八十五条")]
    [InlineData(10, 12, false)]
    [InlineData(10, 13, true)]   // 7 working days after 9/28: 9/29, 9/30, 10/8, 10/9, 10/10, 10/12, 10/13
    [InlineData(10, 20, true)]
    public void ScheduleHearing_NotifiedSevenWorkingDaysAhead(int month, int day, bool ok)
    {
        var f = Requested();

        var result = f.Case.ScheduleHearing(new DateOnly(2026, month, day), "局三楼听证室", "h-1", "周主持", true, null, OfficerA, f.Context);

        Assert.Equal(ok, result.IsSuccess);
        if (!ok)
        {
            Assert.Equal(EnforcementErrors.HearingNoticeTooShort, result.Error!.Code);
        }
        else
        {
            Assert.Equal(PenaltyDocumentKind.HearingNotice, result.Value.Document!.Kind);
        }
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十四条(四)")]
    public void ScheduleHearing_PresidedByAnInvestigator_Forbidden()
    {
        var f = Requested();

        var result = f.Case.ScheduleHearing(new DateOnly(2026, 10, 20), "听证室", OfficerB.Subject, OfficerB.Name, true, null, OfficerA, f.Context);

        Assert.Equal(EnforcementErrors.PresidingIsInvestigator, result.Error!.Code);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十四条(三)")]
    public void ScheduleHearing_NotPublicWithoutAReason_Refused()
    {
        var f = Requested();

        var result = f.Case.ScheduleHearing(new DateOnly(2026, 10, 20), "听证室", "h-1", "周主持", false, null, OfficerA, f.Context);

        Assert.Contains("closedReason", result.Error!.Errors!.Keys);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十四条(八)")]
    public void HoldHearing_BeforeItsDateOrUnsignedWithoutANote_Refused()
    {
        var f = Scheduled();

        Assert.Equal(EnforcementErrors.HearingNotYet, f.Case.HoldHearing("笔录", true, true, null, OfficerA, f.Context).Error!.Code);
        f.On(10, 20);
        Assert.Contains("signedByParty", f.Case.HoldHearing("笔录", true, false, null, OfficerA, f.Context).Error!.Errors!.Keys);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十四条(六)(八)")]
    public void HoldHearing_RecordSignedOrRefusalNoted_SealsTheRecord()
    {
        var f = Scheduled().On(10, 20);

        var refused = f.Case.HoldHearing("调查人员提出违法事实、证据和处罚建议，当事人申辩并质证。", true, false, "当事人拒绝签字，主持人注明", OfficerA, f.Context).Value;
        var absent = f.Case.HoldHearing("当事人无正当理由未到场，听证终止。", false, false, null, OfficerA, f.Context).Value;

        Assert.Contains(refused.Document!.Fields, x => x.Value.Contains("拒绝签字", StringComparison.Ordinal));
        Assert.Contains(absent.Document!.Fields, x => x.Value.Contains("视为放弃听证权利", StringComparison.Ordinal));
        f.Do(refused);
        Assert.Equal(PenaltyState.HearingHeld, f.Case.State);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十八条(二)")]
    public void Decide_AfterAHearing_NeedsALegalReviewMadeAfterIt()
    {
        var f = NotifiedOfALargeFine().Reviewed(); // a review before the hearing does not count
        f.On(9, 28).Do(f.Case.RequestHearing(OfficerA, f.Context))
            .Do(f.Case.ScheduleHearing(new DateOnly(2026, 10, 20), "听证室", "h-1", "周主持", true, null, OfficerA, f.Context))
            .On(10, 20).Do(f.Case.HoldHearing("笔录", true, true, null, OfficerA, f.Context))
            .Met(Penalise(40000));

        Assert.Equal(EnforcementErrors.LegalReviewRequired, f.Case.Decide(Penalise(40000), f.Context).Error!.Code);
        f.Reviewed(passed: false);
        Assert.Equal(EnforcementErrors.LegalReviewFailed, f.Case.Decide(Penalise(40000), f.Context).Error!.Code);
        f.Reviewed();
        Assert.True(f.Case.Decide(Penalise(40000), f.Context).IsSuccess);
    }

    private static PenaltyFixture Requested()
    {
        var f = NotifiedOfALargeFine().On(9, 28);
        return f.Do(f.Case.RequestHearing(OfficerA, f.Context));
    }

    private static PenaltyFixture Scheduled()
    {
        var f = Requested();
        return f.Do(f.Case.ScheduleHearing(new DateOnly(2026, 10, 20), "局三楼听证室", "h-1", "周主持", true, null, OfficerA, f.Context));
    }
}
