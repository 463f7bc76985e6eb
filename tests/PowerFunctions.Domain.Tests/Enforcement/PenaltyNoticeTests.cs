using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Enforcement;
using static PowerFunctions.Domain.Tests.Enforcement.PenaltyFixture;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class PenaltyNoticeTests
{
    [Theory]
    [Trait("Source", "行政处罚法 第四十二条")]
    [InlineData("o-a")]
    [InlineData("o-a,o-a")]
    [InlineData("")]
    public void Investigate_FewerThanTwoDifferentOfficers_Refused(string list)
    {
        var f = new PenaltyFixture();
        var subjects = list.Split(',', StringSplitOptions.RemoveEmptyEntries);

        var result = f.Case.Investigate(subjects, [OfficerA, OfficerB], "笔录", OfficerA, f.Context);

        Assert.Equal(EnforcementErrors.TooFewOfficers, result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十二条; 国办发〔2018〕118号")]
    public void Investigate_WithAnUncertifiedSecondOfficer_Forbidden()
    {
        var f = new PenaltyFixture();

        var result = f.Case.Investigate([OfficerA.Subject, "o-x"], [OfficerA], "笔录", OfficerA, f.Context);

        Assert.Equal(EnforcementErrors.NoCertificate, result.Error!.Code);
        Assert.Contains("o-x", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十二条")]
    public void Investigate_TwoCertifiedOfficers_RecordsTheirCertificates()
    {
        var f = new PenaltyFixture().Investigated();

        Assert.Equal(PenaltyState.Investigating, f.Case.State);
        Assert.Equal(["豫D04-0001", "豫D04-0002"], f.Case.Investigations[0].Officers.Select(o => o.CertificateNo));
        Assert.Equal(new HashSet<string> { "o-a", "o-b" }, f.Case.Investigators);
    }

    [Fact]
    public void Notify_BeforeAnyInvestigation_InvalidTransition()
    {
        var f = new PenaltyFixture();

        var result = f.Case.Notify(Fine(30000), Circumstance.Ordinary, null, OfficerA, f.Context);

        Assert.Equal(EnforcementErrors.InvalidTransition, result.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十四条; 第六十三条; 第六十四条; 第八十五条")]
    public void Notify_IssuesTheNoticeWithFactsGroundsPenaltyAndRights()
    {
        var f = new PenaltyFixture().Investigated().On(9, 24);

        var draft = f.Case.Notify(Fine(50000), Circumstance.Ordinary, "未培训人员比例较高", OfficerA, f.Context).Value;

        var data = Assert.IsType<PenaltyEventData.Notified>(draft.Data);
        Assert.True(data.HearingAvailable); // 50,000 for an organisation is a large amount
        Assert.Equal(new DateOnly(2026, 10, 9), data.ReplyUntil); // 5 working days over 中秋 and 国庆
        var doc = draft.Document!;
        Assert.Equal(PenaltyDocumentKind.PenaltyNotice, doc.Kind);
        Assert.Equal("D04-CF-20260901-0001-penalty-notice-1", doc.DocumentId);
        var text = string.Join("\n", doc.Paragraphs);
        Assert.Contains("未经安全生产教育和培训", text, StringComparison.Ordinal);                 // facts
        Assert.Contains("现场检查笔录", text, StringComparison.Ordinal);                          // evidence
        Assert.Contains("《中华人民共和国安全生产法》第九十七条第（三）项", text, StringComparison.Ordinal); // basis
        Assert.Contains("罚款人民币50,000.00元", text, StringComparison.Ordinal);                  // proposed penalty
        Assert.Contains("陈述和申辩", text, StringComparison.Ordinal);                             // rights
        Assert.Contains("2026年10月9日前", text, StringComparison.Ordinal);                        // hearing deadline
        Assert.Contains("第六十三条", doc.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十三条")]
    public void Notify_BelowTheLargeAmount_OffersNoHearing()
    {
        var f = new PenaltyFixture().Investigated();

        var draft = f.Case.Notify(Fine(30000), Circumstance.Ordinary, null, OfficerA, f.Context).Value;

        Assert.False(((PenaltyEventData.Notified)draft.Data).HearingAvailable);
        Assert.DoesNotContain(draft.Document!.Paragraphs, p => p.Contains("要求听证", StringComparison.Ordinal));
    }

    [Theory]
    [Trait("Source", "国办发〔2022〕27号")]
    [InlineData(100000.01, EnforcementErrors.OutsideDiscretion)]  // beyond the law is outside every tier too
    [InlineData(0, EnforcementErrors.ValidationFailed)]
    [InlineData(60000, EnforcementErrors.OutsideDiscretion)]
    public void Notify_BeyondTheLawOrTheTier_Refused422(double amount, string code)
    {
        var f = new PenaltyFixture().Investigated();

        var result = f.Case.Notify(Fine((decimal)amount), Circumstance.Ordinary, null, OfficerA, f.Context);

        Assert.Equal(code, result.Error!.Code);
        Assert.NotEmpty(result.Error.Errors!); // 422
    }

    [Fact]
    [Trait("Source", "国办发〔2022〕27号")]
    public void Notify_FirstOffence_IsNotAPenaltyNotice()
    {
        var f = new PenaltyFixture().Investigated();

        Assert.Contains("circumstance", f.Case.Notify(Fine(3000), Circumstance.FirstOffence, null, OfficerA, f.Context).Error!.Errors!.Keys);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十五条")]
    public void Renotify_HeavierAfterAStatement_Refused()
    {
        var f = new PenaltyFixture().Investigated().Notified(30000).Stated();

        var heavier = f.Case.Notify(Fine(40000), Circumstance.Ordinary, null, OfficerA, f.Context);
        var lighter = f.Case.Notify(Fine(20000), Circumstance.Ordinary, null, OfficerA, f.Context);

        Assert.Equal(EnforcementErrors.HeavierAfterStatement, heavier.Error!.Code);
        Assert.True(lighter.IsSuccess);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十四条")]
    public void Renotify_HeavierBeforeAnyStatement_IsANewNotice()
    {
        var f = new PenaltyFixture().Investigated().Notified(30000);

        f.Notified(40000);

        Assert.Equal(2, f.Case.Notices.Count);
        Assert.Equal(40000m, f.Case.LastNotice!.Proposed.Amount);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十五条, 第六十二条")]
    public void Statement_NeitherTextNorWaiver_Refused()
    {
        var f = new PenaltyFixture().Investigated().Notified(30000);

        Assert.Contains("text", f.Case.RecordStatement(" ", false, false, OfficerA, f.Context).Error!.Errors!.Keys);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十四条(一)")]
    public void Statement_WaivingAHearingThePartyDoesNotHave_Refused()
    {
        var f = new PenaltyFixture().Investigated().Notified(30000);

        Assert.Contains("waivesHearing", f.Case.RecordStatement("无异议", false, true, OfficerA, f.Context).Error!.Errors!.Keys);
    }

    [Fact]
    public void RefusedCommand_ChangesNothing()
    {
        var f = new PenaltyFixture().Investigated();
        var before = f.Case.Events.ToArray();

        var result = f.Case.Notify(Fine(999999), Circumstance.Ordinary, null, OfficerA, f.Context);

        Assert.False(result.IsSuccess);
        Assert.Equal(before, f.Case.Events);
        Assert.Equal(PenaltyState.Investigating, f.Case.State);
    }
}
