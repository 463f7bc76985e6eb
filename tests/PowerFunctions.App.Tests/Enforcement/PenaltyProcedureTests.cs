using System.Net;

namespace PowerFunctions.App.Tests.Enforcement;

/// <summary>
/// Every procedural rule of a penalty case over real HTTP (the catalog's CF-D04-0001: tiers 2,000–10,000 /
/// 10,000–50,000 / 50,000–100,000 yuan, legal review from 50,000, hearing from 5,000 for a person and
/// 50,000 for an organisation, every penalty decided collectively). Each refusal is problem+json with its
/// code and leaves the case as it was.
/// </summary>
public sealed class PenaltyProcedureTests(EnforcementFixture fixture) : IClassFixture<EnforcementFixture>
{
    private EnforcementApp App => fixture.App;

    [Fact]
    [Trait("Source", "行政处罚法 第四十二条")]
    public async Task Investigate_ByOneOfficer_422TooFewOfficers()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.OpenAsync();

        await App.RefusedAsync(App.OfficerA, caseNo, "investigate", new { officers = new[] { "e-a" }, evidence = "笔录" }, HttpStatusCode.UnprocessableEntity, "enforcement.too_few_officers");
        await App.RefusedAsync(App.OfficerA, caseNo, "investigate", new { officers = new[] { "e-a", "e-a" }, evidence = "笔录" }, HttpStatusCode.UnprocessableEntity, "enforcement.too_few_officers");

        Assert.Equal("opened", (await App.CaseAsync(caseNo)).GetProperty("state").GetString());
    }

    [Theory]
    [Trait("Source", "国办发〔2022〕27号; 行政处罚法 第三十四条")]
    [InlineData("ordinary", 60000)]   // above the ordinary tier
    [InlineData("minor", 1000)]       // below the minor tier
    [InlineData("serious", 200000)]   // beyond the law as well
    [InlineData("ordinary", 10000)]   // the ordinary tier's lower bound is in it: accepted
    public async Task Notify_OutsideTheTierOfTheCircumstance_422OutsideDiscretion(string circumstance, int amount)
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.InvestigatedAsync(EnforcementApp.Company);

        var response = await App.ActAsync(App.OfficerA, caseNo, "notify", new { proposed = EnforcementApp.Fine(amount), circumstance });

        if (amount == 10000)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }

        await EnforcementApp.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "enforcement.outside_discretion");
        Assert.Equal("investigating", (await App.CaseAsync(caseNo)).GetProperty("state").GetString());
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十四条, 第六十二条")]
    public async Task Decide_WithoutANotice_409NoticeRequired()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.InvestigatedAsync(EnforcementApp.Company);

        await App.RefusedAsync(App.Decider, caseNo, "decide", new { penalty = EnforcementApp.Fine(20000), circumstance = "ordinary", reasons = "理由" }, HttpStatusCode.Conflict, "enforcement.notice_required");
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十五条, 第六十二条")]
    public async Task Decide_WhileThePartyMayStillReply_409ReplyPeriodRunning()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.InvestigatedAsync(EnforcementApp.Company);
        await App.OkAsync(App.OfficerA, caseNo, "notify", new { proposed = EnforcementApp.Fine(20000), circumstance = "ordinary" });

        await App.RefusedAsync(App.Decider, caseNo, "decide", new { penalty = EnforcementApp.Fine(20000), circumstance = "ordinary", reasons = "理由" }, HttpStatusCode.Conflict, "enforcement.reply_period_running");
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十四条, 第四十五条")]
    public async Task AfterAStatement_NothingHeavierThanTheNotice_422()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.ReadyToDecideAsync(20000);

        await App.RefusedAsync(App.OfficerA, caseNo, "notify", new { proposed = EnforcementApp.Fine(25000), circumstance = "ordinary" }, HttpStatusCode.UnprocessableEntity, "enforcement.heavier_after_statement");
        await App.RefusedAsync(App.Decider, caseNo, "decide", new { penalty = EnforcementApp.Fine(25000), circumstance = "ordinary", reasons = "理由" }, HttpStatusCode.UnprocessableEntity, "enforcement.heavier_than_notice");
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十七条第二款")]
    public async Task Decide_ItemDecidedCollectively_409UntilTheMeetingIsRecorded()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.ReadyToDecideAsync(20000);

        await App.RefusedAsync(App.Decider, caseNo, "decide", new { penalty = EnforcementApp.Fine(20000), circumstance = "ordinary", reasons = "理由" }, HttpStatusCode.Conflict, "enforcement.collective_decision_required");
        var meeting = await App.OkAsync(App.Decider, caseNo, "collective-decision", EnforcementApp.Meeting());
        var decided = await App.OkAsync(App.Decider, caseNo, "decide", new { penalty = EnforcementApp.Fine(18000), circumstance = "ordinary", reasons = "理由" });

        Assert.Equal("collective-decision-record", meeting.GetProperty("documents").EnumerateArray().Last().GetProperty("type").GetString());
        Assert.Equal("decided", decided.GetProperty("state").GetString());
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十七条第二款; seed 000 §5(三)1")]
    public async Task CollectiveDecision_AVoteAgainstWithoutItsDissent_422AndDissentRecorded()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.ReadyToDecideAsync(20000);
        var votes = new[] { new { name = "周局长", vote = "agree" }, new { name = "吴副局长", vote = "disagree" } };

        var missing = await App.RefusedAsync(App.Decider, caseNo, "collective-decision", new { attendees = new[] { "周局长", "吴副局长" }, votes, dissent = Array.Empty<object>() }, HttpStatusCode.UnprocessableEntity, "enforcement.validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("dissent", out _));

        var recorded = await App.OkAsync(App.Decider, caseNo, "collective-decision", new { attendees = new[] { "周局长", "吴副局长" }, votes, dissent = "应认定为轻微情节" });
        var dissent = recorded.GetProperty("collectiveDecision").GetProperty("dissent").EnumerateArray().Single();
        Assert.Equal("吴副局长", dissent.GetProperty("name").GetString());
    }

    [Fact]
    [Trait("Source", "国办发〔2022〕27号 (调整适用裁量基准 须经集体讨论 并记录理由)")]
    public async Task OutOfTier_OnlyAsAMeetingAdoptedItWithReasons_AndSupervisionSeesIt()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.InvestigatedAsync(EnforcementApp.Company);
        var belowTier = new { type = "fine", amount = 8000 };

        await App.RefusedAsync(App.Decider, caseNo, "collective-decision", EnforcementApp.Meeting(("penalty", belowTier), ("circumstance", "ordinary")), HttpStatusCode.UnprocessableEntity, "enforcement.departure_reason_required");
        await App.OkAsync(App.Decider, caseNo, "collective-decision", EnforcementApp.Meeting(("penalty", belowTier), ("circumstance", "ordinary"), ("departureReason", "当事人主动消除危害后果，全员补训")));
        await App.OkAsync(App.OfficerA, caseNo, "notify", new { proposed = belowTier, circumstance = "ordinary" });
        await App.OkAsync(App.OfficerA, caseNo, "statement", new { text = "无异议" });
        var decided = await App.OkAsync(App.Decider, caseNo, "decide", new { penalty = belowTier, circumstance = "ordinary", reasons = "依集体讨论决定" });

        Assert.Equal("outside-tier", decided.GetProperty("decision").GetProperty("fit").GetString());
        Assert.Equal("当事人主动消除危害后果，全员补训", decided.GetProperty("decision").GetProperty("departureReason").GetString());
        await App.SweepAsync();
        var discretion = await EnforcementApp.Json(await App.Supervisor.GetAsync("/api/supervision/discretion"));
        var flagged = discretion.GetProperty("departments").EnumerateArray().SelectMany(d => d.GetProperty("flagged").EnumerateArray()).Single(f => f.GetProperty("caseNo").GetString() == caseNo);
        Assert.Equal("outside-tier", flagged.GetProperty("fit").GetString());
        Assert.Equal(10000m, flagged.GetProperty("tier").GetProperty("minimum").GetDecimal());
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十三条, 第六十四条(一), 第八十五条")]
    public async Task RequestHearing_AfterFiveWorkingDays_409Late()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.InvestigatedAsync();
        await App.OkAsync(App.OfficerA, caseNo, "notify", new { proposed = EnforcementApp.Fine(20000), circumstance = "ordinary" });

        await App.SetClockAsync(9, 28); // the window ended 9/24 (9/20 was a make-up working day)

        await App.RefusedAsync(App.OfficerA, caseNo, "request-hearing", null, HttpStatusCode.Conflict, "enforcement.hearing_request_late");
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十四条(二)(四), 第八十五条")]
    public async Task ScheduleHearing_SevenWorkingDaysAheadNotAnInvestigator()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.InvestigatedAsync();
        await App.OkAsync(App.OfficerA, caseNo, "notify", new { proposed = EnforcementApp.Fine(20000), circumstance = "ordinary" });
        await App.SetClockAsync(9, 21);
        await App.OkAsync(App.OfficerA, caseNo, "request-hearing");

        await App.RefusedAsync(App.OfficerA, caseNo, "schedule-hearing", new { date = "2026-09-30", place = "三楼听证室", presiding = new { sub = "e-c", name = "赵执法" } }, HttpStatusCode.UnprocessableEntity, "enforcement.hearing_notice_too_short");
        await App.RefusedAsync(App.OfficerA, caseNo, "schedule-hearing", new { date = "2026-10-12", place = "三楼听证室", presiding = new { sub = "e-b", name = "李执法" } }, HttpStatusCode.Forbidden, "enforcement.presiding_is_investigator");
        var rescheduled = await App.OkAsync(App.OfficerA, caseNo, "schedule-hearing", new { date = "2026-10-12", place = "三楼听证室", presiding = new { sub = "e-c", name = "赵执法" } });

        Assert.Equal("2026-10-12", rescheduled.GetProperty("hearing").GetProperty("date").GetString());
        Assert.Equal("赵执法", rescheduled.GetProperty("hearing").GetProperty("presiding").GetString());
        Assert.Equal(2, rescheduled.GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("type").GetString() == "hearing-notice"));
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十八条, 第六十四条(四)")]
    public async Task AfterAHearing_DecisionNeedsAPassedLegalReviewByANonInvestigator()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.InvestigatedAsync();
        await App.OkAsync(App.OfficerA, caseNo, "notify", new { proposed = EnforcementApp.Fine(20000), circumstance = "ordinary" });
        await App.SetClockAsync(9, 21);
        await App.OkAsync(App.OfficerA, caseNo, "request-hearing");
        await App.SetClockAsync(10, 8);
        await App.RefusedAsync(App.OfficerA, caseNo, "hold-hearing", new { record = "笔录", presiding = "e-b" }, HttpStatusCode.Forbidden, "enforcement.presiding_is_investigator");
        await App.OkAsync(App.OfficerA, caseNo, "hold-hearing", new { record = "笔录", presiding = new { sub = "e-c", name = "赵执法" } });
        await App.OkAsync(App.Decider, caseNo, "collective-decision", EnforcementApp.Meeting());
        var decide = new { penalty = EnforcementApp.Fine(20000), circumstance = "ordinary", reasons = "理由" };

        await App.RefusedAsync(App.Decider, caseNo, "decide", decide, HttpStatusCode.Conflict, "enforcement.legal_review_required");
        using var investigatorAsReviewer = App.App.ClientFor("legal-reviewer", "D04", "e-b", "李执法");
        await App.RefusedAsync(investigatorAsReviewer, caseNo, "legal-review", new { opinion = "同意" }, HttpStatusCode.Forbidden, "enforcement.reviewer_is_investigator");
        await App.OkAsync(App.LegalReviewer, caseNo, "legal-review", new { opinion = "证据不足", passed = false });
        await App.RefusedAsync(App.Decider, caseNo, "decide", decide, HttpStatusCode.Conflict, "enforcement.legal_review_failed");
        await App.OkAsync(App.LegalReviewer, caseNo, "legal-review", new { opinion = "补充证据后事实清楚" });
        Assert.Equal("decided", (await App.OkAsync(App.Decider, caseNo, "decide", decide)).GetProperty("state").GetString());
    }

    [Fact]
    [Trait("Source", "行政处罚法 第三十三条第一款, 第五十七条; 国办发〔2022〕27号 (首违不罚)")]
    public async Task FirstOffence_NoPenaltyDecision_SealedDeliveredNeverPublished()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.InvestigatedAsync(EnforcementApp.Company);

        var decided = await App.OkAsync(App.Decider, caseNo, "decide", new { outcome = "no-penalty", ground = "first-offence", reasons = "初次违法，危害后果轻微并已改正" });

        Assert.Equal("no-penalty-decision", decided.GetProperty("documents").EnumerateArray().Last().GetProperty("type").GetString());
        Assert.DoesNotContain(decided.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "penalty-publication");
        await App.RefusedAsync(App.OfficerA, caseNo, "publish", null, HttpStatusCode.Conflict, "enforcement.not_publishable");
        Assert.Equal("closed", (await App.OkAsync(App.OfficerA, caseNo, "deliver", new { method = "post", recipient = "郑州某某机械有限公司" })).GetProperty("state").GetString());
    }

    [Fact]
    [Trait("Source", "行政处罚法 第三十六条")]
    public async Task Open_AfterTheLimitationPeriod_422()
    {
        await App.SetClockAsync(9, 18);
        var body = new { itemCode = EnforcementApp.Item, party = new { name = "张小三", idType = "身份证", idNumber = "410102199001011234" }, facts = "2024年1月发现的违法行为", source = "inspection", offenceEndedOn = "2024-01-01" };

        await EnforcementApp.AssertProblemAsync(await EnforcementApp.PostAsync(App.OfficerA, "/api/enforcement/cases", body), HttpStatusCode.UnprocessableEntity, "enforcement.limitation_expired");
    }
}
